using Microsoft.Extensions.Options;

namespace CommunityBot.Schedule;

/// <summary>
/// When the bot may write to someone proactively, and the moments reminders, briefings and nudges fall on.
/// Everything is computed in the community's time zone.
/// </summary>
public sealed class ContactRules(SchoolCalendar calendar, IOptions<ScheduleOptions> options)
{
    public ScheduleOptions Options => options.Value;

    public SchoolCalendar Calendar => calendar;

    /// <summary>Not in quiet hours, not in a weekend, not on a school holiday.</summary>
    public bool MayContactAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(instant, zone);
        return calendar.IsSchoolDay(DateOnly.FromDateTime(local)) && !options.Value.IsQuiet(TimeOnly.FromDateTime(local));
    }

    /// <summary>
    /// <paramref name="daysBefore"/> days before the session at <paramref name="localTime"/>, moved back to the previous
    /// school day (same local time) when that day is a weekend or holiday.
    /// </summary>
    public DateTimeOffset MomentBefore(DateTimeOffset sessionStart, int daysBefore, TimeOnly localTime, TimeZoneInfo zone)
    {
        var sessionDay = DateOnly.FromDateTime(LocalClock.ToLocal(sessionStart, zone));
        var day = calendar.OnOrBeforeSchoolDay(sessionDay.AddDays(-daysBefore));
        return LocalClock.ToInstant(day, localTime, zone);
    }

    /// <summary>
    /// When a reminder <paramref name="offsetDays"/> before the session is due, or null when that moment has already
    /// passed at planning time or comes before the agreement was made: a late reminder would only be noise, and the
    /// next offset (or the briefing) still follows.
    /// </summary>
    public DateTimeOffset? ReminderDue(DateTimeOffset sessionStart, int offsetDays, TimeZoneInfo zone, DateTimeOffset agreementMadeAt, DateTimeOffset now)
    {
        var due = MomentBefore(sessionStart, offsetDays, options.Value.ReminderLocalTime, zone);
        return due <= now || due <= agreementMadeAt || due >= sessionStart ? null : due;
    }
}
