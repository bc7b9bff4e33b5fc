using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.LoadTests;

/// <summary>The activities Teams posts when a member presses a button on their reminder or types in their 1:1 chat.</summary>
internal sealed class MemberActivities(string serviceUrl)
{
    private const string BotId = "28:communitybot";

    public byte[] Press(LoadMember member, string reminderActivityId, string verb, object data)
    {
        var activity = Base(member, ActivityTypes.Invoke);
        activity.Name = InvokeNames.AdaptiveCardAction;
        activity.ReplyToId = reminderActivityId;
        activity.Value = TeamsJson.ToElement(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" });
        return JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJson.Options);
    }

    public byte[] Message(LoadMember member, string text)
    {
        var activity = Base(member, ActivityTypes.Message);
        activity.Text = text;
        activity.TextFormat = "plain";
        return JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJson.Options);
    }

    private Activity Base(LoadMember member, string type) => new()
    {
        Type = type,
        // Every activity is new: the host claims each id once, so a repeated id would be answered as a redelivery.
        Id = $"f:load-{Guid.NewGuid():N}",
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = member.UserId, AadObjectId = member.AadObjectId, Name = $"Leerkracht {member.Index}" },
        Recipient = new ChannelAccount { Id = BotId, Name = "CommunityBot" },
        Conversation = new ConversationAccount { Id = member.ConversationId, ConversationType = ConversationTypes.Personal, TenantId = LoadWorld.TenantId },
        Locale = member.Locale,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = LoadWorld.TenantId } },
    };
}
