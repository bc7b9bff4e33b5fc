using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CommunityBot.Schedule;

/// <summary>Which days are school days: no weekends, no Flemish school holidays, none of the tenant's extra days.</summary>
public sealed class SchoolCalendar
{
    private readonly ConcurrentDictionary<int, IReadOnlyList<SchoolHoliday>> years;
    private readonly HashSet<DateOnly> extraHolidays;

    public SchoolCalendar(IOptions<ScheduleOptions> options)
        : this(options.Value.ExtraHolidays, new ConcurrentDictionary<int, IReadOnlyList<SchoolHoliday>>())
    {
    }

    private SchoolCalendar(IEnumerable<DateOnly> extraHolidays, ConcurrentDictionary<int, IReadOnlyList<SchoolHoliday>> years)
    {
        this.extraHolidays = [.. extraHolidays];
        this.years = years;
    }

    /// <summary>The same Flemish calendar (its computed years shared) with a tenant's own extra days off instead of the configured ones.</summary>
    public SchoolCalendar WithExtraHolidays(IEnumerable<DateOnly> holidays) => new(holidays, years);

    public bool IsSchoolDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(date) is null;

    public SchoolHoliday? HolidayOn(DateOnly date)
    {
        if (extraHolidays.Contains(date))
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
