using System.Globalization;

namespace CommunityBot.Localization;

/// <summary>
/// Dates and times as people read them on cards, in their language and the community's time zone. A date carries its
/// year only when that is not the current one (in the same zone): "maandag 4 januari 2027" read in December 2026,
/// "maandag 16 maart" read in the same year. The current moment is passed in, never read here, so each caller uses
/// the clock it was given.
/// </summary>
public static class Formats
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(this Language language) => language == Language.English ? English : Dutch;

    /// <summary>"maandag 16 maart, 19:00" / "Monday 16 March, 19:00", with the year when it is not <paramref name="now"/>'s.</summary>
    public static string DayAndTime(DateTimeOffset instant, TimeZoneInfo zone, Language language, DateTimeOffset now) =>
        Local(instant, zone, now, "dddd d MMMM, HH:mm", "dddd d MMMM yyyy, HH:mm", language);

    /// <summary>"maandag 16 maart" / "Monday 16 March", with the year when it is not <paramref name="now"/>'s.</summary>
    public static string Day(DateTimeOffset instant, TimeZoneInfo zone, Language language, DateTimeOffset now) =>
        Local(instant, zone, now, "dddd d MMMM", "dddd d MMMM yyyy", language);

    /// <summary>"14:05".</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", language.Culture());

    /// <summary>"16/3 14:05" for history lines, "16/3/2025 14:05" when not in <paramref name="now"/>'s year.</summary>
    public static string Short(DateTimeOffset instant, TimeZoneInfo zone, Language language, DateTimeOffset now) =>
        Local(instant, zone, now, "d/M HH:mm", "d/M/yyyy HH:mm", language);

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now, string thisYear, string otherYear, Language language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString(local.Year == TimeZoneInfo.ConvertTime(now, zone).Year ? thisYear : otherYear, language.Culture());
    }
}
