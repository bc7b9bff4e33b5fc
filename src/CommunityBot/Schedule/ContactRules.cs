using CommunityBot.Tenants;
using Microsoft.Extensions.Options;

namespace CommunityBot.Schedule;

/// <summary>A moment the bot writes before a session; <see cref="BeforeHoliday"/> when a holiday lies between it and the session.</summary>
public sealed record SchoolDayMoment(DateTimeOffset At, bool BeforeHoliday);

/// <summary>
/// When the bot may write to someone proactively, and the moments reminders, briefings and nudges fall on.
/// Everything is computed in the community's time zone.
/// </summary>
public sealed class ContactRules(SchoolCalendar calendar, IOptions<ScheduleOptions> options)
{
    /// <summary>A message may come at most this many calendar days before its intended moment (a long weekend, not a holiday).</summary>
    private const int MaxDaysEarly = 3;

    public ScheduleOptions Options => options.Value;

    public SchoolCalendar Calendar => calendar;

    /// <summary>The same rules with a tenant's own quiet hours and extra days off.</summary>
    public ContactRules For(TenantSettings tenant) =>
        new(calendar.WithExtraHolidays(tenant.ExtraHolidays), Microsoft.Extensions.Options.Options.Create(options.Value.ForTenant(tenant)));

    /// <summary>Not in quiet hours, not in a weekend, not on a school holiday.</summary>
    public bool MayContactAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(instant, zone);
        return calendar.IsSchoolDay(DateOnly.FromDateTime(local)) && !options.Value.IsQuiet(TimeOnly.FromDateTime(local));
    }

    /// <summary>
    /// The first moment from <paramref name="instant"/> on that the bot may write: the instant itself, or the end of
    /// quiet hours on the next school day. For messages that follow an event rather than a session (a closed check-in).
    /// </summary>
    public DateTimeOffset NextContactMoment(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (MayContactAt(instant, zone))
        {
            return instant;
        }
        var local = LocalClock.ToLocal(instant, zone);
        var day = DateOnly.FromDateTime(local);
        if (!calendar.IsSchoolDay(day) || TimeOnly.FromDateTime(local) >= options.Value.QuietHoursEnd)
        {
            day = day.AddDays(1);
        }
        while (!calendar.IsSchoolDay(day))
        {
            day = day.AddDays(1);
        }
        return LocalClock.ToInstant(day, options.Value.QuietHoursEnd, zone);
    }

    /// <summary>
    /// The one rule for every message before a session (reminders and briefings): the school-day moment for the intended
    /// moment <paramref name="daysBefore"/> days before the session at <paramref name="localTime"/>. A weekend or holiday
    /// moves it back to the previous school day, but by at most <see cref="MaxDaysEarly"/> days. Further back means the
    /// intended day lies in a holiday: the session's last message (<paramref name="lastBeforeSession"/>) then comes on
    /// the last school day before that holiday when the session follows it; any other is skipped (null), because a
    /// message weeks early is noise and nothing may arrive during a holiday.
    /// </summary>
    public SchoolDayMoment? MomentBefore(DateTimeOffset sessionStart, int daysBefore, TimeOnly localTime, TimeZoneInfo zone, bool lastBeforeSession)
    {
        var sessionDay = DateOnly.FromDateTime(LocalClock.ToLocal(sessionStart, zone));
        var intended = sessionDay.AddDays(-daysBefore);
        var day = calendar.OnOrBeforeSchoolDay(intended);
        if (intended.DayNumber - day.DayNumber <= MaxDaysEarly)
        {
            return new SchoolDayMoment(LocalClock.ToInstant(day, localTime, zone), BeforeHoliday: false);
        }
        var afterHoliday = sessionDay > calendar.LastDayOffFrom(intended);
        return lastBeforeSession && afterHoliday ? new SchoolDayMoment(LocalClock.ToInstant(day, localTime, zone), BeforeHoliday: true) : null;
    }

    /// <summary>The moment of the reminder <paramref name="offsetDays"/> before the session (the smallest offset is the last one).</summary>
    public SchoolDayMoment? ReminderMoment(DateTimeOffset sessionStart, int offsetDays, TimeZoneInfo zone) =>
        MomentBefore(sessionStart, offsetDays, options.Value.ReminderLocalTime, zone, lastBeforeSession: offsetDays == options.Value.EffectiveReminderOffsets.Min());

    /// <summary>The moment of the coaches' briefing, the one message before the session for them.</summary>
    public SchoolDayMoment? BriefingMoment(DateTimeOffset sessionStart, TimeZoneInfo zone) =>
        MomentBefore(sessionStart, options.Value.BriefingDaysBefore, options.Value.BriefingLocalTime, zone, lastBeforeSession: true);

    /// <summary>
    /// When a reminder <paramref name="offsetDays"/> before the session is due, or null when the rule skips it, or that
    /// moment has already passed at planning time or comes before the agreement was made: a late reminder would only be
    /// noise, and the next offset (or the briefing) still follows.
    /// </summary>
    public DateTimeOffset? ReminderDue(DateTimeOffset sessionStart, int offsetDays, TimeZoneInfo zone, DateTimeOffset agreementMadeAt, DateTimeOffset now)
    {
        var due = ReminderMoment(sessionStart, offsetDays, zone)?.At;
        return due is null || due <= now || due <= agreementMadeAt || due >= sessionStart ? null : due;
    }
}
