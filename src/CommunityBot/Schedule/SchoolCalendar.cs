using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CommunityBot.Schedule;

/// <summary>Which days are school days: no weekends, no Flemish school holidays, none of the tenant's extra days.</summary>
public sealed class SchoolCalendar(IOptions<ScheduleOptions> options)
{
    private readonly ConcurrentDictionary<int, IReadOnlyList<SchoolHoliday>> years = new();

    public bool IsSchoolDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(date) is null;

    public SchoolHoliday? HolidayOn(DateOnly date)
    {
        if (options.Value.ExtraHolidays.Contains(date))
        {
            return new SchoolHoliday(HolidayKind.Extra, date, date);
        }
        var holidays = years.GetOrAdd(FlemishSchoolCalendar.SchoolYearOf(date), FlemishSchoolCalendar.ForSchoolYear);
        return holidays.FirstOrDefault(h => h.Contains(date));
    }

    /// <summary>The school day itself, or the nearest one before it.</summary>
    public DateOnly OnOrBeforeSchoolDay(DateOnly date)
    {
        while (!IsSchoolDay(date))
        {
            date = date.AddDays(-1);
        }
        return date;
    }

    /// <summary>The last day of the run of days without school (weekends included) that <paramref name="date"/> is in.</summary>
    public DateOnly LastDayOffFrom(DateOnly date)
    {
        while (!IsSchoolDay(date.AddDays(1)))
        {
            date = date.AddDays(1);
        }
        return date;
    }
}
