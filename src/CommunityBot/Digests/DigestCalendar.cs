using CommunityBot.Schedule;
using CommunityBot.Tenants;
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
public sealed class DigestCalendar(TenantContactRules tenantRules, ITenantSettings tenants, IOptions<DigestsOptions> options)
{
    /// <summary>The tenant's digest of this week when its moment has come and the week's Friday has not passed; else null.</summary>
    public async Task<DigestWeek?> DueAtAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var (timing, contact) = await TimingAsync(tenantId, ct);
        var zone = LocalClock.Zone(timing.TimeZone);
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        var monday = MondayOf(today);
        if (today > monday.AddDays(4))
        {
            return null;
        }
        var week = Week(monday, timing, zone, contact.Calendar);
        return week is not null && week.MakeAt <= now ? week with { DeliverFrom = DeliverFrom(week, now, zone, contact) } : null;
    }

    /// <summary>
    /// What <c>digest nu</c> shows: this week's digest period once it has been made, so the answer matches the weekly
    /// card; before that (and in a week without a digest) the seven days up to now, titled as such.
    /// </summary>
    public async Task<DigestPeriod> NowAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var (timing, contact) = await TimingAsync(tenantId, ct);
        var zone = LocalClock.Zone(timing.TimeZone);
        var monday = MondayOf(DateOnly.FromDateTime(LocalClock.ToLocal(now, zone)));
        return Week(monday, timing, zone, contact.Calendar) is { } week && week.MakeAt <= now
            ? week.Period
            : LastSevenDays(tenantId, monday, now);
    }

    /// <summary>The seven days up to <paramref name="until"/>, under the key of its week: <c>digest nu</c> and its detail button.</summary>
    public DigestPeriod LastSevenDays(string tenantId, DateOnly monday, DateTimeOffset until) =>
        new(monday, until.AddDays(-7), until) { TimeZone = options.Value.For(tenantId).TimeZone, LastSevenDays = true };

    /// <summary>When the tenant's digests arrive, as the <c>digest aan</c> answer says it: the day and the local time of delivery.</summary>
    public async Task<(DayOfWeek Day, TimeOnly Time, bool InHolidays)> ArrivalAsync(string tenantId, CancellationToken ct)
    {
        var (timing, _) = await TimingAsync(tenantId, ct);
        return (timing.Day, timing.LocalTime, timing.SendInHolidays);
    }

    /// <summary>
    /// The period of the week of <paramref name="monday"/>, to compute a sent digest again from its card; a holiday week,
    /// which had no digest, gets the period it would have had.
    /// </summary>
    public async Task<DigestPeriod> PeriodOfAsync(string tenantId, DateOnly monday, CancellationToken ct)
    {
        var (timing, contact) = await TimingAsync(tenantId, ct);
        var zone = LocalClock.Zone(timing.TimeZone);
        return Week(monday, timing, zone, contact.Calendar)?.Period
            ?? new DigestPeriod(monday, PreviousMakeAt(monday, timing, zone, contact.Calendar), LocalClock.ToInstant(monday, timing.LocalTime, zone)) { TimeZone = timing.TimeZone };
    }

    /// <summary>
    /// The configured timing with the tenant's chosen day and time (its time zone and holiday choice stay configured),
    /// and the tenant's contact rules: its quiet hours and extra days off move the digest like everything else.
    /// </summary>
    private async Task<(DigestTiming Timing, ContactRules Contact)> TimingAsync(string tenantId, CancellationToken ct)
    {
        var configured = options.Value.For(tenantId);
        var settings = await tenants.ForTenantAsync(tenantId, ct);
        var timing = new DigestTiming
        {
            Day = settings.DigestDay,
            LocalTime = settings.DigestTime,
            TimeZone = configured.TimeZone,
            SendInHolidays = configured.SendInHolidays,
        };
        return (timing, await tenantRules.ForAsync(tenantId, ct));
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DigestWeek? Week(DateOnly monday, DigestTiming timing, TimeZoneInfo zone, SchoolCalendar calendar)
    {
        if (DigestDay(monday, timing, calendar) is not { } day)
        {
            return null;
        }
        var makeAt = LocalClock.ToInstant(day, timing.LocalTime, zone);
        var period = new DigestPeriod(monday, PreviousMakeAt(monday, timing, zone, calendar), makeAt) { TimeZone = timing.TimeZone };
        return new DigestWeek(period, makeAt, makeAt);
    }

    /// <summary>
    /// The chosen moment, or right away when made late on that same day before the evening; a digest made later (the
    /// host was down) is no longer "the start of the day" and waits for the next moment the contact rules allow.
    /// </summary>
    private static DateTimeOffset DeliverFrom(DigestWeek week, DateTimeOffset now, TimeZoneInfo zone, ContactRules contact)
    {
        var local = LocalClock.ToLocal(now, zone);
        var sameDay = DateOnly.FromDateTime(local) == DateOnly.FromDateTime(LocalClock.ToLocal(week.MakeAt, zone));
        var quiet = contact.Options;
        var beforeEvening = TimeOnly.FromDateTime(local) is var time && (time < quiet.QuietHoursEnd || !quiet.IsQuiet(time));
        return sameDay && beforeEvening ? week.MakeAt : contact.NextContactMoment(now, zone);
    }

    /// <summary>
    /// A period starts where the previous digest's ended, so no hour is reported twice or never: after a Tuesday digest
    /// (Whit Monday) and after a holiday without digests, whose last school week the first digest after it covers.
    /// On the local clock, not in hours: after a DST change the periods still meet. Bounded by the longest holiday.
    /// </summary>
    private static DateTimeOffset PreviousMakeAt(DateOnly monday, DigestTiming timing, TimeZoneInfo zone, SchoolCalendar calendar)
    {
        for (var weeks = 1; weeks <= MaxWeeksWithoutDigest; weeks++)
        {
            if (DigestDay(monday.AddDays(-7 * weeks), timing, calendar) is { } day)
            {
                return LocalClock.ToInstant(day, timing.LocalTime, zone);
            }
        }
        return LocalClock.ToInstant(monday.AddDays(-7), timing.LocalTime, zone);
    }

    /// <summary>
    /// The digest's day in the week of <paramref name="monday"/>: its own day, else the first school day after it, else
    /// the last one before it (a Friday digest day that is off), else none.
    /// </summary>
    private static DateOnly? DigestDay(DateOnly monday, DigestTiming timing, SchoolCalendar calendar)
    {
        var planned = monday.AddDays(((int)timing.Day + 6) % 7);
        var friday = monday.AddDays(4);
        if (timing.SendInHolidays || calendar.IsSchoolDay(planned))
        {
            return planned;
        }
        for (var day = planned.AddDays(1); day <= friday; day = day.AddDays(1))
        {
            if (calendar.IsSchoolDay(day))
            {
                return day;
            }
        }
        for (var day = (planned < friday ? planned : friday.AddDays(1)).AddDays(-1); day >= monday; day = day.AddDays(-1))
        {
            if (calendar.IsSchoolDay(day))
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>The summer holiday is nine weeks; the first digest after it covers it all.</summary>
    private const int MaxWeeksWithoutDigest = 10;
}
