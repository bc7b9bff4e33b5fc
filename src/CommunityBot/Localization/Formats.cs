using System.Globalization;

namespace CommunityBot.Localization;

/// <summary>Dates and times as people read them on cards, in their language and the community's time zone.</summary>
public static class Formats
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(this Language language) => language == Language.English ? English : Dutch;

    /// <summary>"maandag 16 maart, 19:00" / "Monday 16 March, 19:00".</summary>
    public static string DayAndTime(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dddd d MMMM, HH:mm", language.Culture());

    /// <summary>"maandag 16 maart" / "Monday 16 March".</summary>
    public static string Day(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dddd d MMMM", language.Culture());

    /// <summary>"14:05".</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", language.Culture());

    /// <summary>"16/3 14:05", for history lines.</summary>
    public static string Short(DateTimeOffset instant, TimeZoneInfo zone, Language language) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d/M HH:mm", language.Culture());
}
