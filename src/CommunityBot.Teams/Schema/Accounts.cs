using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Schema;

/// <summary>A user or bot: Teams ids look like <c>29:…</c> (users) or <c>28:…</c> (bots).</summary>
public sealed class ChannelAccount
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    /// <summary>Present on roster entries (paged members).</summary>
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string ContentType { get; set; } = "";
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class MessageReaction
{
    public string Type { get; set; } = "";
}

/// <summary>Everything needed to message a conversation proactively. Stored by the host, never kept only in memory.</summary>
public sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }
    public string ChannelId { get; init; } = "msteams";
    public required string ConversationId { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public string? TeamId { get; init; }
    public string? ChannelIdInTeam { get; init; }
}
