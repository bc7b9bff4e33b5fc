using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Schema;

/// <summary>The Teams-specific part of an activity: tenant, team and channel, and the event that happened.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }
    public string? EventType { get; set; }
    public TeamsChannelDataSettings? Settings { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class TenantInfo
{
    public string Id { get; set; } = "";
}

public sealed class TeamInfo
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed class ChannelInfo
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
}

public sealed class TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
