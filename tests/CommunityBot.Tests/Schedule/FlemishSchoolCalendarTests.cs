using CommunityBot.Schedule;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Schedule;

public sealed class FlemishSchoolCalendarTests
{
    [Fact]
    public void School_year_2025_2026_matches_the_published_calendar()
    {
        var year = FlemishSchoolCalendar.ForSchoolYear(2025);

        Range(year, HolidayKind.Autumn).ShouldBe((D(2025, 10, 27), D(2025, 11, 2)));
        Range(year, HolidayKind.ArmisticeDay).ShouldBe((D(2025, 11, 11), D(2025, 11, 11)));
        Range(year, HolidayKind.Christmas).ShouldBe((D(2025, 12, 22), D(2026, 1, 4)));
        Range(year, HolidayKind.Carnival).ShouldBe((D(2026, 2, 16), D(2026, 2, 22)));
        Range(year, HolidayKind.Easter).ShouldBe((D(2026, 4, 6), D(2026, 4, 19)));
        Range(year, HolidayKind.LabourDay).ShouldBe((D(2026, 5, 1), D(2026, 5, 1)));
        Range(year, HolidayKind.Ascension).ShouldBe((D(2026, 5, 14), D(2026, 5, 15)));
        Range(year, HolidayKind.WhitMonday).ShouldBe((D(2026, 5, 25), D(2026, 5, 25)));
        Range(year, HolidayKind.Summer).ShouldBe((D(2026, 7, 1), D(2026, 8, 31)));
    }

    [Fact]
    public void School_year_2026_2027_follows_the_rules_for_a_Sunday_All_Saints_and_Easter_in_March()
    {
        var year = FlemishSchoolCalendar.ForSchoolYear(2026);

        FlemishSchoolCalendar.EasterSunday(2027).ShouldBe(D(2027, 3, 28));
        Range(year, HolidayKind.Autumn).ShouldBe((D(2026, 11, 2), D(2026, 11, 8)));
        Range(year, HolidayKind.Christmas).ShouldBe((D(2026, 12, 21), D(2027, 1, 3)));
        Range(year, HolidayKind.Carnival).ShouldBe((D(2027, 2, 8), D(2027, 2, 14)));
        Range(year, HolidayKind.Easter).ShouldBe((D(2027, 3, 29), D(2027, 4, 11)));
        Range(year, HolidayKind.Ascension).ShouldBe((D(2027, 5, 6), D(2027, 5, 7)));
        Range(year, HolidayKind.WhitMonday).ShouldBe((D(2027, 5, 17), D(2027, 5, 17)));
    }

    [Fact]
    public void A_late_Easter_starts_the_holiday_on_the_second_Monday_before_it()
    {
        var year = FlemishSchoolCalendar.ForSchoolYear(2024);

        FlemishSchoolCalendar.EasterSunday(2025).ShouldBe(D(2025, 4, 20));
        Range(year, HolidayKind.Easter).ShouldBe((D(2025, 4, 7), D(2025, 4, 20)));
        Range(year, HolidayKind.EasterMonday).ShouldBe((D(2025, 4, 21), D(2025, 4, 21)));
        Range(year, HolidayKind.Carnival).ShouldBe((D(2025, 3, 3), D(2025, 3, 9)));
    }

    [Fact]
    public void A_Christmas_on_Saturday_starts_the_holiday_the_Monday_after()
    {
        Range(FlemishSchoolCalendar.ForSchoolYear(2027), HolidayKind.Christmas).ShouldBe((D(2027, 12, 27), D(2028, 1, 9)));
    }

    [Theory]
    [InlineData(2026, 3, 2, true)]
    [InlineData(2026, 3, 7, false)]
    [InlineData(2026, 2, 18, false)]
    [InlineData(2026, 5, 15, false)]
    [InlineData(2026, 7, 15, false)]
    [InlineData(2026, 9, 1, true)]
    [InlineData(2026, 3, 4, false)]
    public void School_days_exclude_weekends_holidays_and_extra_days(int year, int month, int day, bool schoolDay)
    {
        var calendar = new SchoolCalendar(Microsoft.Extensions.Options.Options.Create(
            new ScheduleOptions { ExtraHolidays = [D(2026, 3, 4)] }));

        calendar.IsSchoolDay(D(year, month, day)).ShouldBe(schoolDay);
    }

    internal static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static (DateOnly, DateOnly) Range(IReadOnlyList<SchoolHoliday> year, HolidayKind kind) =>
        year.Single(h => h.Kind == kind) is var h ? (h.First, h.Last) : default;
}
