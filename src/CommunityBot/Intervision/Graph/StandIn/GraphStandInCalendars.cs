namespace CommunityBot.Intervision.Graph.StandIn;

/// <summary>
/// The demo coaches' working weeks as the offline demo shows them: lessons most mornings, team meetings, one tentative
/// appointment and a study day out of office a week from the demo's today, every week in Europe/Brussels.
/// Other demo addresses have an empty calendar.
/// </summary>
internal static class GraphStandInCalendars
{
    private sealed record Weekly(DayOfWeek Day, TimeOnly Start, TimeOnly End, BusyKind Kind);

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static readonly Dictionary<string, Weekly[]> Weeks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alex.wilber@demo.school"] =
        [
            .. Mornings(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday),
            new(DayOfWeek.Wednesday, new(8, 30), new(11, 30), BusyKind.Busy),
            new(DayOfWeek.Tuesday, new(15, 30), new(17, 0), BusyKind.Busy),
            new(DayOfWeek.Thursday, new(13, 0), new(14, 0), BusyKind.Tentative),
        ],
        ["diego.siciliani@demo.school"] =
        [
            .. Mornings(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday),
            new(DayOfWeek.Monday, new(13, 30), new(15, 30), BusyKind.Busy),
            new(DayOfWeek.Friday, new(13, 0), new(16, 0), BusyKind.Busy),
        ],
        ["nestor.wilke@demo.school"] =
        [
            .. Mornings(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday),
            new(DayOfWeek.Thursday, new(13, 0), new(17, 0), BusyKind.Busy),
            // Late enough that Wednesday afternoons stay free for all three: with Tuesdays the demo's two-week search finds four times.
            new(DayOfWeek.Wednesday, new(16, 0), new(17, 0), BusyKind.Tentative),
        ],
    };

    /// <summary>Whose study day it is (out of office, the whole working day).</summary>
    private const string StudyDayOf = "diego.siciliani@demo.school";

    public static IEnumerable<BusyInterval> Of(string email, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (!Weeks.TryGetValue(email, out var week))
        {
            yield break;
        }
        var studyDay = NextWeekday(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime).AddDays(8));
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Zone).DateTime);
        for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Zone).DateTime); day <= last; day = day.AddDays(1))
        {
            var items = week.Where(w => w.Day == day.DayOfWeek).Select(w => (w.Start, w.End, w.Kind)).ToList();
            if (day == studyDay && email.Equals(StudyDayOf, StringComparison.OrdinalIgnoreCase))
            {
                items = [(new TimeOnly(8, 0), new TimeOnly(17, 0), BusyKind.OutOfOffice)];
            }
            foreach (var (start, end, kind) in items)
            {
                var interval = new BusyInterval(At(day, start), At(day, end), kind);
                if (interval.Start < to && from < interval.End)
                {
                    yield return interval;
                }
            }
        }
    }

    private static IEnumerable<Weekly> Mornings(params DayOfWeek[] days) =>
        days.Select(d => new Weekly(d, new TimeOnly(8, 30), new TimeOnly(12, 0), BusyKind.Busy));

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
