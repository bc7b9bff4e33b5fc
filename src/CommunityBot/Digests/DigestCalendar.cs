using CommunityBot.Schedule;
using Microsoft.Extensions.Options;

namespace CommunityBot.Digests;

/// <summary>One week's digest of a tenant: what it covers, when it is made, and from when it may be delivered.</summary>
public sealed record DigestWeek(DigestPeriod Period, DateTimeOffset MakeAt, DateTimeOffset DeliverFrom);

/// <summary>
/// When each week's digest falls, in the tenant's local time: its day at its time (a Monday 07:30 is 06:30 UTC in
/// winter and 05:30 UTC in summer), moved to the first school day of the week when that day is off, and no digest in a
/// week without school days unless the tenant sends in holidays. It arrives at that moment, also before the end of the
/// quiet hours: the tenant chose it, for the start of a leader's day. A digest not made on its moment (the host was
/// down) is still made until the end of that week's Friday, never later, and arrives when the contact rules allow.
/// </summary>
public sealed class DigestCalendar(SchoolCalendar calendar, ContactRules contact, IOptions<DigestsOptions> options)
{
    /// <summary>The tenant's digest of this week when its moment has come and the week's Friday has not passed; else null.</summary>
    public DigestWeek? DueAt(string tenantId, DateTimeOffset now)
    {
        var timing = options.Value.For(tenantId);
        var zone = LocalClock.Zone(timing.TimeZone);
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        var monday = MondayOf(today);
        if (today > monday.AddDays(4))
        {
            return null;
        }
        var week = Week(monday, timing, zone);
        return week is not null && week.MakeAt <= now ? week with { DeliverFrom = DeliverFrom(week, now, zone) } : null;
    }

    /// <summary>What <c>digest nu</c> shows: the seven days up to now, under this week's key.</summary>
    public DigestPeriod Now(string tenantId, DateTimeOffset now)
    {
        var zone = LocalClock.Zone(options.Value.For(tenantId).TimeZone);
        return new DigestPeriod(MondayOf(DateOnly.FromDateTime(LocalClock.ToLocal(now, zone))), now.AddDays(-7), now);
    }

    /// <summary>When the tenant's digests arrive, as the <c>digest aan</c> answer says it: the day and the local time of delivery.</summary>
    public (DayOfWeek Day, TimeOnly Time, bool InHolidays) Arrival(string tenantId)
    {
        var timing = options.Value.For(tenantId);
        return (timing.Day, timing.LocalTime, timing.SendInHolidays);
    }

    /// <summary>
    /// The period of the week of <paramref name="monday"/>, to compute a sent digest again from its card; a holiday week,
    /// which had no digest, gets the period it would have had.
    /// </summary>
    public DigestPeriod PeriodOf(string tenantId, DateOnly monday)
    {
        var timing = options.Value.For(tenantId);
        var zone = LocalClock.Zone(timing.TimeZone);
        return Week(monday, timing, zone)?.Period
            ?? new DigestPeriod(monday, LocalClock.ToInstant(monday.AddDays(-7), timing.LocalTime, zone), LocalClock.ToInstant(monday, timing.LocalTime, zone));
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private DigestWeek? Week(DateOnly monday, DigestTiming timing, TimeZoneInfo zone)
    {
        var day = monday.AddDays(((int)timing.Day + 6) % 7);
        while (!timing.SendInHolidays && !calendar.IsSchoolDay(day))
        {
            day = day.AddDays(1);
            if (day > monday.AddDays(4))
            {
                return null;
            }
        }
        var makeAt = LocalClock.ToInstant(day, timing.LocalTime, zone);
        // A week back on the local clock, not 168 hours: after a DST change the periods still meet without gap or overlap.
        var from = LocalClock.ToInstant(day.AddDays(-7), timing.LocalTime, zone);
        return new DigestWeek(new DigestPeriod(monday, from, makeAt), makeAt, makeAt);
    }

    /// <summary>
    /// The chosen moment, or right away when made late on that same day before the evening; a digest made later (the
    /// host was down) is no longer "the start of the day" and waits for the next moment the contact rules allow.
    /// </summary>
    private DateTimeOffset DeliverFrom(DigestWeek week, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(now, zone);
        var sameDay = DateOnly.FromDateTime(local) == DateOnly.FromDateTime(LocalClock.ToLocal(week.MakeAt, zone));
        var quiet = contact.Options;
        var beforeEvening = TimeOnly.FromDateTime(local) is var time && (time < quiet.QuietHoursEnd || !quiet.IsQuiet(time));
        return sameDay && beforeEvening ? week.MakeAt : contact.NextContactMoment(now, zone);
    }
}
