using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Schema;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Only the fields the product reads are typed;
/// everything else is kept in <see cref="Extra"/> so that nothing is lost when an activity is echoed or stored.
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<MessageReaction>? ReactionsAdded { get; set; }
    public List<MessageReaction>? ReactionsRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public static Activity CreateCard(Attachment card, string? summary = null) =>
        new() { Type = ActivityTypes.Message, Attachments = [card], Summary = summary };

    /// <summary>The tenant the activity belongs to: Teams puts it in channelData, newer payloads also on the conversation.</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>The team the activity happened in (channel messages, team events); null in personal and group chats.</summary>
    [JsonIgnore]
    public TeamInfo? Team => ChannelData?.Team is { Id.Length: > 0 } team ? team : null;

    [JsonIgnore]
    public string? TeamId => Team?.Id;

    /// <summary>The channel of <see cref="Team"/> the activity happened in (the General channel's id is the team's id).</summary>
    [JsonIgnore]
    public string? ChannelIdInTeam => ChannelData?.Channel?.Id is { Length: > 0 } id ? id : null;

    /// <summary>A reference that lets the bot write to this conversation later, as this bot, to this user.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ServiceUrl = ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."),
        ChannelId = ChannelId ?? "msteams",
        ConversationId = Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation."),
        ConversationType = Conversation.ConversationType,
        TenantId = TenantId,
        User = From,
        Bot = Recipient,
        TeamId = TeamId,
        ChannelIdInTeam = ChannelIdInTeam,
    };
}
