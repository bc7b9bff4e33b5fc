namespace CommunityBot.Digests;

/// <summary>The period of the digest sent on a Monday, for recomputing an earlier digest from the Monday on its card.</summary>
internal static class DigestWeek
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>The default digest moment, Monday 07:30 in Brussels; the seven days before it.</summary>
    private static readonly TimeOnly SendTime = new(7, 30);

    public static DigestPeriod Period(DateOnly monday) =>
        new(monday, At(monday.AddDays(-7)), At(monday));

    private static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(SendTime);
        return new DateTimeOffset(local, Brussels.GetUtcOffset(local));
    }
}
