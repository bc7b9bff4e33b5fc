using CommunityBot.CheckIns;
using CommunityBot.Communities.Cadence;
using CommunityBot.Nudges;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using Microsoft.Extensions.Options;

namespace CommunityBot.Digests;

/// <summary>
/// The "needs attention" list of one community's section, in the order of <see cref="AttentionKind"/> (README,
/// "Leaders' digest"). Pure: it reads only what the section already holds.
/// </summary>
public sealed class DigestAttention(IOptions<ScheduleOptions> options)
{
    public const int ManyOverdue = 3;
    public const double ConditionDrop = 0.5;
    public const double AttendanceDrop = 0.20;

    public IReadOnlyList<AttentionItem> For(CommunityDigest section, DigestPeriod period, SchoolCalendar calendar)
    {
        List<AttentionItem> items = [];
        if (BeyondNorm(section, period.To, calendar))
        {
            items.Add(new AttentionItem(AttentionKind.NoSessionBeyondNorm));
        }
        if (section.NextSessionAt is null)
        {
            items.Add(new AttentionItem(AttentionKind.NoNextSession));
        }
        if (section.Agreements.Overdue >= ManyOverdue)
        {
            items.Add(new AttentionItem(AttentionKind.ManyOverdue, Count: section.Agreements.Overdue));
        }
        items.AddRange(ConditionsThatFell(section.CheckIns).Select(c => new AttentionItem(AttentionKind.ConditionFell, Condition: c)));
        if (AttendanceFalling(section.RecentSessions))
        {
            items.Add(new AttentionItem(AttentionKind.AttendanceFalling));
        }
        return items;
    }

    /// <summary>
    /// Every N weeks: the last session is more than N weeks before the period's end and none is planned within N weeks
    /// of it. At least N a school year: the last week in which the next session could still be held for the year's norm
    /// (<see cref="CadenceRule"/>, the nudge's own maths) ended before the period's end and no session is planned by
    /// then. A community that never met has no norm to miss yet ("no next session" says enough).
    /// </summary>
    private bool BeyondNorm(CommunityDigest section, DateTimeOffset to, SchoolCalendar calendar)
    {
        if (section.LastSessionAt is not { } last)
        {
            return false;
        }
        if (section.CadenceKind == CadenceKind.EveryNWeeks)
        {
            var norm = last.AddDays(7 * section.CadenceCount);
            return to > norm && (section.NextSessionAt is not { } next || next > norm);
        }
        var zone = LocalClock.Zone(section.TimeZone);
        var lastYear = FlemishSchoolCalendar.SchoolYearOf(DateOnly.FromDateTime(LocalClock.ToLocal(last, zone)));
        var thisYear = FlemishSchoolCalendar.SchoolYearOf(DateOnly.FromDateTime(LocalClock.ToLocal(to.AddTicks(-1), zone)));
        // The rule counts the sessions in the last session's school year; a last session in an earlier year leaves this
        // year's norm entirely to go, which the rule computes as "that year met, the next from scratch".
        var held = Enumerable.Repeat(last, lastYear == thisYear ? Math.Max(1, section.SessionsThisSchoolYear) : section.CadenceCount).ToList();
        var warning = options.Value.CadenceWarningDays;
        var lastWeek = CadenceRule.Due(section.CadenceKind, section.CadenceCount, held, zone, calendar, warning).NudgeFrom.AddDays(warning + 7);
        return to > lastWeek && (section.NextSessionAt is not { } planned || planned >= lastWeek);
    }

    /// <summary>Conditions whose mean fell by at least <see cref="ConditionDrop"/> between the last two rounds with k answers.</summary>
    private static IEnumerable<CheckInCondition> ConditionsThatFell(IReadOnlyList<CheckInResult> rounds)
    {
        var released = rounds.OfType<CheckInAggregate>().TakeLast(2).ToList();
        if (released.Count < 2)
        {
            return [];
        }
        // The rounded means the card shows: a drop the reader cannot see in the numbers is not flagged (and vice versa).
        var before = released[0].Conditions.Where(c => c.Distribution.Sum() > 0).ToDictionary(c => c.Condition, c => CheckInResultCard.Rounded(c.Mean));
        return released[1].Conditions
            .Where(c => c.Distribution.Sum() > 0 && before.TryGetValue(c.Condition, out var mean) && mean - CheckInResultCard.Rounded(c.Mean) >= ConditionDrop - 1e-9)
            .Select(c => c.Condition);
    }

    /// <summary>The presence rate of the last held session at least 20 points below the one before, both recorded.</summary>
    private static bool AttendanceFalling(IReadOnlyList<HeldSessionAttendance> sessions)
    {
        if (sessions.Count < 2 || sessions[^1] is not { Recorded: true } last || sessions[^2] is not { Recorded: true } previous)
        {
            return false;
        }
        static double Rate(HeldSessionAttendance s) => (double)s.Present / Math.Max(1, s.Present + s.Absent);
        return Rate(previous) - Rate(last) >= AttendanceDrop - 1e-9;
    }
}
