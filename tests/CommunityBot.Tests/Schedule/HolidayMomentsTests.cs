using CommunityBot.Schedule;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Schedule.ContactRulesTests;

namespace CommunityBot.Tests.Schedule;

/// <summary>
/// Reminders (7 and 2 days before, 16:00) and the briefing (the day before, 16:00) around holidays. The holiday dates
/// come from FlemishSchoolCalendar (computed from the decision of the Flemish Government of 17 April 1991), checked
/// against the published 2025–2026 calendar in FlemishSchoolCalendarTests: Christmas 22 Dec 2025 – 4 Jan 2026, Easter
/// 6 – 19 Apr 2026, summer 1 Jul – 31 Aug 2026. Schools publish the same dates (e.g.
/// https://www.staproeselare.be/info/vakanties-en-vrije-dagen, checked November 2026).
/// </summary>
public sealed class HolidayMomentsTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");

    /// <summary>16:00 in Brussels on that day, as an instant.</summary>
    private static DateTimeOffset At16(int year, int month, int day) => LocalClock.ToInstant(new DateOnly(year, month, day), new TimeOnly(16, 0), Brussels);

    private static SchoolDayMoment BeforeTheHoliday(int year, int month, int day) => new(At16(year, month, day), BeforeHoliday: true);

    private static SchoolDayMoment OnTime(int year, int month, int day) => new(At16(year, month, day), BeforeHoliday: false);

    [Fact]
    public void A_session_on_5_January_2026_gets_one_reminder_and_its_briefing_on_Friday_19_December_and_nothing_in_the_Christmas_holiday()
    {
        var session = At16(2026, 1, 5);

        Rules().ReminderMoment(session, 7, Brussels).ShouldBeNull();
        Rules().ReminderMoment(session, 2, Brussels).ShouldBe(BeforeTheHoliday(2025, 12, 19));
        Rules().BriefingMoment(session, Brussels).ShouldBe(BeforeTheHoliday(2025, 12, 19));
    }

    [Fact]
    public void A_session_on_20_April_2026_gets_one_reminder_and_its_briefing_on_Friday_3_April_before_the_Easter_holiday()
    {
        var session = At16(2026, 4, 20);

        Rules().ReminderMoment(session, 7, Brussels).ShouldBeNull();
        Rules().ReminderMoment(session, 2, Brussels).ShouldBe(BeforeTheHoliday(2026, 4, 3));
        Rules().BriefingMoment(session, Brussels).ShouldBe(BeforeTheHoliday(2026, 4, 3));
    }

    [Fact]
    public void A_session_on_1_September_2026_skips_the_7_day_reminder_in_the_summer_and_says_so_on_the_last_school_day_30_June()
    {
        var session = At16(2026, 9, 1);

        Rules().ReminderMoment(session, 7, Brussels).ShouldBeNull();
        Rules().ReminderMoment(session, 2, Brussels).ShouldBe(BeforeTheHoliday(2026, 6, 30));
        Rules().BriefingMoment(session, Brussels).ShouldBe(BeforeTheHoliday(2026, 6, 30));
    }

    [Fact]
    public void A_7_day_reminder_in_the_summer_is_skipped_when_the_2_day_reminder_comes_after_it()
    {
        var session = At16(2026, 9, 7); // Monday

        Rules().ReminderMoment(session, 7, Brussels).ShouldBeNull();
        Rules().ReminderMoment(session, 2, Brussels).ShouldBe(OnTime(2026, 9, 4)); // Saturday 5 -> Friday 4
    }

    [Fact]
    public void A_session_a_few_days_after_a_holiday_is_reminded_after_it_and_not_before()
    {
        var session = At16(2026, 1, 8); // Thursday, the fourth school day after Christmas

        Rules().ReminderMoment(session, 7, Brussels).ShouldBeNull();
        Rules().ReminderMoment(session, 2, Brussels).ShouldBe(OnTime(2026, 1, 6));
        Rules().BriefingMoment(session, Brussels).ShouldBe(OnTime(2026, 1, 7));
    }

    [Fact]
    public void A_moment_moves_back_over_a_long_weekend_by_at_most_3_days()
    {
        Rules().ReminderMoment(At16(2026, 5, 27), 2, Brussels).ShouldBe(OnTime(2026, 5, 22)); // Whit Monday 25 May -> Friday 22
        Rules().ReminderMoment(At16(2026, 5, 18), 2, Brussels).ShouldBe(OnTime(2026, 5, 13)); // Saturday 16 May, after Ascension -> Wednesday 13
        Rules().ReminderMoment(At16(2026, 5, 19), 2, Brussels).ShouldBe(BeforeTheHoliday(2026, 5, 13)); // Sunday 17 May is 4 days on
    }

    [Fact]
    public void A_session_inside_a_holiday_gets_no_message_weeks_early()
    {
        var session = At16(2026, 1, 3); // Saturday in the Christmas holiday

        Rules().ReminderMoment(session, 2, Brussels).ShouldBeNull();
        Rules().BriefingMoment(session, Brussels).ShouldBeNull();
    }
}
