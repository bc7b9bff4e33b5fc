using CommunityBot.Conversations;

namespace CommunityBot.Delivery;

/// <summary>
/// Where one message goes: a conversation, and the activity to replace when it updates an earlier message. When the
/// message cannot go anywhere now, <see cref="Outcome"/> says why.
/// </summary>
public sealed record Recipient(Conversation? Conversation, string? UpdateActivityId, SendOutcome? Outcome)
{
    public static Recipient Not(SendOutcome outcome) => new(null, null, outcome);
}
