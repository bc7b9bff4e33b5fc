using CommunityBot.Communities.Cadence;

namespace CommunityBot.Nudges;

/// <summary>What the nudge sweep reads of a community.</summary>
public sealed record NudgeCommunity(long Id, string TenantId, string Name, string? TimeZone, CadenceKind CadenceKind, int CadenceCount);
