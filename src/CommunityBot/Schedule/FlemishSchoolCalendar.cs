namespace CommunityBot.Schedule;

public enum HolidayKind
{
    Autumn,
    Christmas,
    Carnival,
    Easter,
    EasterMonday,
    Summer,
    ArmisticeDay,
    LabourDay,
    Ascension,
    WhitMonday,
    Extra,
}

/// <summary>A run of days without school, first and last day included.</summary>
public sealed record SchoolHoliday(HolidayKind Kind, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;
}

/// <summary>
/// The Flemish school holidays, computed from the rules of the decision of the Flemish Government of 17 April 1991
/// (PEDAGOGY.md), so that any school year is known without typing dates in.
/// </summary>
public static class FlemishSchoolCalendar
{
    /// <summary>The school year that starts on 1 September of <paramref name="startYear"/>, summer of the next year included.</summary>
    public static IReadOnlyList<SchoolHoliday> ForSchoolYear(int startYear)
    {
        var endYear = startYear + 1;
        var easter = EasterSunday(endYear);
        return
        [
            Week(HolidayKind.Autumn, AutumnStart(startYear), weeks: 1),
            Single(HolidayKind.ArmisticeDay, new DateOnly(startYear, 11, 11)),
            Week(HolidayKind.Christmas, ChristmasStart(startYear), weeks: 2),
            Week(HolidayKind.Carnival, easter.AddDays(-7 * 7 + 1), weeks: 1),
            Week(HolidayKind.Easter, EasterHolidayStart(easter), weeks: 2),
            // A legal holiday; when Easter is late it falls just after the two weeks.
            Single(HolidayKind.EasterMonday, easter.AddDays(1)),
            Single(HolidayKind.LabourDay, new DateOnly(endYear, 5, 1)),
            new(HolidayKind.Ascension, easter.AddDays(39), easter.AddDays(40)),
            Single(HolidayKind.WhitMonday, easter.AddDays(50)),
            new(HolidayKind.Summer, new DateOnly(endYear, 7, 1), new DateOnly(endYear, 8, 31)),
        ];
    }

    /// <summary>The start year of the school year a date belongs to (July and August close the previous one).</summary>
    public static int SchoolYearOf(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly AutumnStart(int year)
    {
        var allSaints = new DateOnly(year, 11, 1);
        return allSaints.DayOfWeek == DayOfWeek.Sunday ? allSaints.AddDays(1) : MondayOfWeek(allSaints);
    }

    private static DateOnly ChristmasStart(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Saturday => christmas.AddDays(2),
            DayOfWeek.Sunday => christmas.AddDays(1),
            _ => MondayOfWeek(christmas),
        };
    }

    private static DateOnly EasterHolidayStart(DateOnly easter)
    {
        if (easter.Month == 3)
        {
            return easter.AddDays(1);
        }
        if (easter.Day > 15)
        {
            return easter.AddDays(-13);
        }
        var firstOfApril = new DateOnly(easter.Year, 4, 1);
        return firstOfApril.AddDays(((int)DayOfWeek.Monday - (int)firstOfApril.DayOfWeek + 7) % 7);
    }

    private static DateOnly MondayOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static SchoolHoliday Week(HolidayKind kind, DateOnly monday, int weeks) => new(kind, monday, monday.AddDays(7 * weeks - 1));

    private static SchoolHoliday Single(HolidayKind kind, DateOnly day) => new(kind, day, day);
}
