namespace CommunityBot.Communities.Cadence;

/// <summary>The two norms of the seeds (004): design-oriented groups meet every few weeks, others a number of times a school year.</summary>
public enum CadenceKind
{
    EveryNWeeks = 1,
    PerSchoolYear = 2,
}
