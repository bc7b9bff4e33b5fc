using CommunityBot.Schedule;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Schedule.FlemishSchoolCalendarTests;

namespace CommunityBot.Tests.Schedule;

public sealed class ContactRulesTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");

    internal static ContactRules Rules(ScheduleOptions? options = null)
    {
        var wrapped = Options.Create(options ?? new ScheduleOptions());
        return new ContactRules(new SchoolCalendar(wrapped), wrapped);
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int year = 2026) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reminders_fall_7_and_2_days_before_at_16h_local_and_a_Saturday_moves_to_Friday()
    {
        var session = Utc(3, 16, 18); // Monday 16 March 2026, 19:00 in Brussels (UTC+1)

        Rules().MomentBefore(session, 7, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(3, 9, 15));
        Rules().MomentBefore(session, 2, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(3, 13, 15));
    }

    [Fact]
    public void Local_16h_stays_16h_across_the_spring_change_on_the_last_Sunday_of_March()
    {
        var session = Utc(3, 31, 17); // Tuesday 31 March 2026, 19:00 summer time (UTC+2)

        Rules().MomentBefore(session, 7, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(3, 24, 15)); // still winter time
        Rules().MomentBefore(session, 2, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(3, 27, 15)); // Sunday 29 -> Friday 27
        Rules().MomentBefore(Utc(4, 2, 17), 1, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(4, 1, 14)); // summer time
    }

    [Fact]
    public void Local_16h_stays_16h_across_the_autumn_change_on_the_last_Sunday_of_October()
    {
        var session = Utc(10, 27, 18); // Tuesday 27 October 2026, 19:00 winter time (UTC+1)

        Rules().MomentBefore(session, 7, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(10, 20, 14)); // summer time
        Rules().MomentBefore(session, 1, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(10, 26, 15)); // winter time
    }

    [Fact]
    public void Times_skipped_or_repeated_by_the_clock_change_resolve_to_one_instant()
    {
        LocalClock.ToInstant(D(2026, 3, 29), new TimeOnly(2, 30), Brussels).ShouldBe(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));
        LocalClock.ToInstant(D(2026, 10, 25), new TimeOnly(2, 30), Brussels).ShouldBe(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(3, 3, 19, 59, true)]
    [InlineData(3, 3, 20, 0, false)]
    [InlineData(3, 4, 7, 59, false)]
    [InlineData(3, 4, 8, 0, true)]
    [InlineData(3, 7, 12, 0, false)]
    [InlineData(4, 8, 12, 0, false)]
    [InlineData(5, 25, 12, 0, false)]
    public void Nobody_is_contacted_in_quiet_hours_weekends_or_holidays(int month, int day, int hour, int minute, bool allowed)
    {
        var local = LocalClock.ToInstant(D(2026, month, day), new TimeOnly(hour, minute), Brussels);

        Rules().MayContactAt(local, Brussels).ShouldBe(allowed);
    }

    [Fact]
    public void A_reminder_that_would_fall_in_the_carnival_holiday_moves_to_the_last_school_day_before_it()
    {
        var session = Utc(2, 23, 18); // Monday 23 February 2026, right after carnival

        Rules().MomentBefore(session, 7, new TimeOnly(16, 0), Brussels, lastBeforeSession: true)!.At.ShouldBe(Utc(2, 13, 15));
    }

    [Fact]
    public void A_reminder_moment_already_past_or_before_the_agreement_was_made_is_skipped()
    {
        var session = Utc(3, 16, 18);
        var rules = Rules();

        rules.ReminderDue(session, 7, Brussels, agreementMadeAt: Utc(3, 2, 20), now: Utc(3, 10, 9)).ShouldBeNull();
        rules.ReminderDue(session, 2, Brussels, agreementMadeAt: Utc(3, 2, 20), now: Utc(3, 10, 9)).ShouldBe(Utc(3, 13, 15));
        rules.ReminderDue(session, 7, Brussels, agreementMadeAt: Utc(3, 9, 16), now: Utc(3, 2, 9)).ShouldBeNull();
    }

    [Fact]
    public void Offsets_are_configurable()
    {
        var rules = Rules(new ScheduleOptions { ReminderOffsetsDays = [3], ReminderLocalTime = new TimeOnly(9, 30) });

        rules.Options.EffectiveReminderOffsets.ShouldBe([3]);
        rules.ReminderDue(Utc(3, 19, 18), 3, Brussels, Utc(3, 2, 9), Utc(3, 2, 9)).ShouldBe(Utc(3, 16, 8, 2026).AddMinutes(30));
    }

    [Fact]
    public void Settings_in_quiet_hours_are_rejected_at_start_up()
    {
        var result = new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { ReminderLocalTime = new TimeOnly(21, 0), ReminderOffsetsDays = [2, 2] });

        result.Failed.ShouldBeTrue();
        result.Failures!.Count().ShouldBe(2);
    }
}
