using CommunityBot.Localization;
using CommunityBot.Schedule;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests;

public sealed class FormatsTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");

    /// <summary>Monday 16 March 2026, 19:00 in Brussels.</summary>
    private static readonly DateTimeOffset March = new(2026, 3, 16, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 4 January 2027, 19:00 in Brussels.</summary>
    private static readonly DateTimeOffset January = new(2027, 1, 4, 18, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset InMarch = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InDecember = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Language.Dutch, "maandag 16 maart", "maandag 16 maart, 19:00", "16/3 19:00")]
    [InlineData(Language.English, "Monday 16 March", "Monday 16 March, 19:00", "16/3 19:00")]
    public void A_date_in_the_current_year_has_no_year(Language language, string day, string dayAndTime, string shortText)
    {
        Formats.Day(March, Brussels, language, InMarch).ShouldBe(day);
        Formats.DayAndTime(March, Brussels, language, InMarch).ShouldBe(dayAndTime);
        Formats.Short(March, Brussels, language, InMarch).ShouldBe(shortText);
    }

    [Theory]
    [InlineData(Language.Dutch, "maandag 4 januari 2027", "maandag 4 januari 2027, 19:00", "4/1/2027 19:00")]
    [InlineData(Language.English, "Monday 4 January 2027", "Monday 4 January 2027, 19:00", "4/1/2027 19:00")]
    public void A_date_next_year_read_in_December_has_its_year(Language language, string day, string dayAndTime, string shortText)
    {
        Formats.Day(January, Brussels, language, InDecember).ShouldBe(day);
        Formats.DayAndTime(January, Brussels, language, InDecember).ShouldBe(dayAndTime);
        Formats.Short(January, Brussels, language, InDecember).ShouldBe(shortText);
    }

    [Theory]
    [InlineData(Language.Dutch, "maandag 16 maart 2026", "16/3/2026 19:00")]
    [InlineData(Language.English, "Monday 16 March 2026", "16/3/2026 19:00")]
    public void A_date_last_year_has_its_year(Language language, string day, string shortText)
    {
        Formats.Day(March, Brussels, language, January).ShouldBe(day);
        Formats.Short(March, Brussels, language, January).ShouldBe(shortText);
    }

    [Fact]
    public void The_year_turns_at_midnight_in_the_communitys_zone_not_in_UTC()
    {
        // 31 December 2026 23:30 UTC is already 1 January 2027, 00:30 in Brussels.
        var newYearInBrussels = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        // 31 December 2026 22:30 UTC is 23:30 in Brussels, still the old year there.
        var oldYearsEveInBrussels = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero);

        Formats.DayAndTime(newYearInBrussels, Brussels, Language.Dutch, newYearInBrussels).ShouldBe("vrijdag 1 januari, 00:30");
        Formats.DayAndTime(oldYearsEveInBrussels, Brussels, Language.Dutch, newYearInBrussels).ShouldBe("donderdag 31 december 2026, 23:30");
        Formats.DayAndTime(newYearInBrussels, Brussels, Language.English, oldYearsEveInBrussels).ShouldBe("Friday 1 January 2027, 00:30");
        Formats.DayAndTime(oldYearsEveInBrussels, TimeZoneInfo.Utc, Language.Dutch, newYearInBrussels).ShouldBe("donderdag 31 december, 22:30");
    }
}
