using CommunityBot.Communities.Cadence;
using CommunityBot.Schedule;

namespace CommunityBot.Nudges;

/// <summary>When the coach is asked to plan, and what the nudge says about the norm; null <see cref="SessionsToGo"/> for "every N weeks".</summary>
public sealed record CadenceDue(DateTimeOffset NudgeFrom, int? SessionsToGo);

/// <summary>
/// The one rule for the plan nudge, used both when sessions or the norm change (the deadline row) and by the sweep
/// (the re-check), so the two cannot drift apart.
/// Every N weeks: from the last session plus N weeks, minus the warning.
/// At least N a school year: the sessions still needed this school year must fit in the school weeks left before the
/// summer holiday, at least <see cref="PerYearSpacingWeeks"/> school weeks apart; the coach is asked the warning before
/// the last week in which the next one can still be held. Never earlier than a week before the next session could
/// sensibly be (three weeks after the last); when that session would fall in the summer, or the year's norm is met,
/// the same rule for the next school year starts from scratch. So nothing asks for a session in the summer holiday.
/// </summary>
public static class CadenceRule
{
    public const int PerYearSpacingWeeks = 3;

    public static CadenceDue Due(CadenceKind kind, int count, IReadOnlyCollection<DateTimeOffset> keptSessionStarts, TimeZoneInfo zone, SchoolCalendar calendar, int warningDays)
    {
        var last = keptSessionStarts.Max();
        if (kind == CadenceKind.EveryNWeeks)
        {
            return new CadenceDue(last.AddDays(7 * count - warningDays), null);
        }
        var days = keptSessionStarts.Select(s => DateOnly.FromDateTime(LocalClock.ToLocal(s, zone))).ToList();
        var lastDay = days.Max();
        var earliest = lastDay.AddDays(7 * PerYearSpacingWeeks - warningDays);
        var year = FlemishSchoolCalendar.SchoolYearOf(lastDay);
        var toGo = count - days.Count(d => FlemishSchoolCalendar.SchoolYearOf(d) == year);
        if (toGo > 0)
        {
            var from = Later(LatestWeek(year, toGo, calendar).AddDays(-warningDays), earliest);
            // Only while the session asked for can still be held before the summer; otherwise the next year's rule holds.
            if (from.AddDays(warningDays) < SummerStart(year))
            {
                return new CadenceDue(LocalClock.ToInstant(from, TimeOnly.MinValue, zone), toGo);
            }
        }
        var next = Later(LatestWeek(year + 1, count, calendar).AddDays(-warningDays), earliest);
        return new CadenceDue(LocalClock.ToInstant(next, TimeOnly.MinValue, zone), count);
    }

    /// <summary>
    /// The Monday of the last school week in which the first of <paramref name="sessions"/> sessions can still be held so
    /// that all fit before the summer, <see cref="PerYearSpacingWeeks"/> school weeks apart (holiday weeks do not count).
    /// When they cannot fit at all, the first school week of the year.
    /// </summary>
    private static DateOnly LatestWeek(int schoolYear, int sessions, SchoolCalendar calendar)
    {
        var yearStart = new DateOnly(schoolYear, 9, 1);
        var monday = MondayOf(SummerStart(schoolYear).AddDays(-1));
        var needed = PerYearSpacingWeeks * (sessions - 1);
        var found = yearStart;
        for (var seen = 0; monday.AddDays(4) >= yearStart; monday = monday.AddDays(-7))
        {
            if (!Enumerable.Range(0, 5).Any(d => calendar.IsSchoolDay(monday.AddDays(d))))
            {
                continue;
            }
            found = monday;
            if (seen++ == needed)
            {
                break;
            }
        }
        return found;
    }

    private static DateOnly SummerStart(int schoolYear) => new(schoolYear + 1, 7, 1);

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
