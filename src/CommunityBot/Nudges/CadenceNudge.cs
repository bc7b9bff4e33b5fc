using CommunityBot.Communities.Cadence;

namespace CommunityBot.Nudges;

/// <summary>The community's norm as the plan nudge states it; <see cref="SessionsToGo"/> only for a per-school-year norm.</summary>
public sealed record CadenceNudge(CadenceKind Kind, int Count, int? SessionsToGo);
