namespace CommunityBot.Nudges;

/// <summary>
/// A community to ask to plan a session: its last session, the moment its nudges count from, and (per-school-year
/// norm) how many sessions it still needs before the summer.
/// </summary>
public sealed record PlanGap(DateTimeOffset LastSession, DateTimeOffset CountFrom, int? SessionsToGo);
