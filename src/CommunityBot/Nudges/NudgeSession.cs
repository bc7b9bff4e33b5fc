using CommunityBot.Sessions;

namespace CommunityBot.Nudges;

/// <summary>What the nudge sweep reads of a session.</summary>
public sealed record NudgeSession(long Id, long CommunityId, DateTimeOffset StartsAt, SessionStatus Status, int Version, DateTimeOffset CreatedAt);
