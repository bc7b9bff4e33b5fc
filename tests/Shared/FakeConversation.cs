using CommunityBot.Teams.Schema;

namespace CommunityBot.Testing;

public enum FakeConversationState
{
    Active,
    /// <summary>The user blocked the bot or removed the app: Teams answers 403.</summary>
    Blocked,
    /// <summary>The conversation or user no longer exists: Teams answers 404.</summary>
    Gone,
}

/// <summary>A conversation the fake connector knows, with the activities currently in it (updates replace them).</summary>
public sealed class FakeConversation(string id)
{
    public string Id { get; } = id;
    public string? TenantId { get; set; }
    public FakeConversationState State { get; set; }
    public List<ChannelAccount> Roster { get; set; } = [];
    public Dictionary<string, Activity> Activities { get; } = [];
}
