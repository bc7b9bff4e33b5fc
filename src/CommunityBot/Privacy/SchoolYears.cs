using CommunityBot.Schedule;

namespace CommunityBot.Privacy;

/// <summary>
/// The Flemish school year runs from 1 September to 31 August. "Kept N school years" means: the current school year and
/// the N before it; everything from before 1 September (00:00, Brussels) of the school year N years before the current one goes.
/// </summary>
public static class SchoolYears
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");

    /// <summary>The first moment still kept at <paramref name="now"/> when history is kept <paramref name="years"/> school years.</summary>
    public static DateTimeOffset KeptFrom(DateTimeOffset now, int years)
    {
        var local = LocalClock.ToLocal(now, Brussels);
        var currentStart = local.Month >= 9 ? local.Year : local.Year - 1;
        return LocalClock.ToInstant(new DateOnly(currentStart - years, 9, 1), TimeOnly.MinValue, Brussels);
    }
}
