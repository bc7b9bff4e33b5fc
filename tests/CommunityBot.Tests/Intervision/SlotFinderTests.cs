using CommunityBot.Intervision;
using CommunityBot.Schedule;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Intervision;

public sealed class SlotFinderTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly SchoolCalendar Calendar = new(Options.Create(new ScheduleOptions()));

    /// <summary>A moment in Brussels local time, as the group sees it.</summary>
    internal static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Brussels.GetUtcOffset(local));
    }

    internal static ParticipantCalendar Person(long id, params BusyInterval[] busy) => new(id, $"Coach {id}", true, busy);

    internal static BusyInterval Busy(DateTimeOffset start, DateTimeOffset end, BusyKind kind = BusyKind.Busy) => new(start, end, kind);

    /// <summary>Monday 2 to Friday 6 March 2026, afternoons 13:00–17:00, 90 minutes, no buffer: the tests change what they are about.</summary>
    internal static SlotQuery Query(IReadOnlyList<ParticipantCalendar> people, int wanted = 5) => new(
        people, Local(3, 2, 0), Local(3, 7, 0), TimeSpan.FromMinutes(90), "Europe/Brussels",
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(13, 0), new TimeOnly(17, 0), Calendar.IsSchoolDay, TimeSpan.Zero, wanted, TentativeIsBusy: true);

    [Fact]
    public void Free_calendars_give_the_start_of_the_working_afternoon_on_each_working_day()
    {
        var query = Query([Person(1), Person(2)]) with { WorkingDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday } };

        var slots = SlotFinder.Find(query);

        slots.Select(s => s.Start).ShouldBe([Local(3, 2, 13), Local(3, 2, 14, 30), Local(3, 3, 13), Local(3, 3, 14, 30), Local(3, 5, 13)]);
        slots.ShouldAllBe(s => s.EveryoneFree && s.End - s.Start == TimeSpan.FromMinutes(90));
    }

    [Fact]
    public void A_meeting_stays_inside_working_hours_and_the_window()
    {
        var query = Query([Person(1)], wanted: 50) with { From = Local(3, 2, 14), To = Local(3, 3, 16) };

        var slots = SlotFinder.Find(query);

        slots.ShouldAllBe(s => s.Start >= query.From && s.End <= query.To);
        slots.ShouldAllBe(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, Brussels).DateTime) >= new TimeOnly(13, 0)
            && TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.End, Brussels).DateTime) <= new TimeOnly(17, 0));
        slots.Select(s => s.Start).ShouldBe([Local(3, 2, 14), Local(3, 2, 15, 30), Local(3, 3, 13), Local(3, 3, 14, 30)]);
    }

    [Fact]
    public void A_buffer_keeps_time_free_on_both_sides_of_a_busy_interval()
    {
        var monday = Person(1, Busy(Local(3, 2, 13), Local(3, 2, 14)), Busy(Local(3, 2, 16, 45), Local(3, 2, 18)));
        var query = Query([monday], wanted: 10) with { Buffer = TimeSpan.FromMinutes(15), To = Local(3, 3, 0) };

        var slots = SlotFinder.Find(query);

        // 14:00 starts within 15 minutes of the first meeting, 15:30 ends within 15 minutes of the second; 15:00 overlaps 14:30.
        slots.Select(s => s.Start).ShouldBe([Local(3, 2, 14, 30)]);
        SlotFinder.Find(query with { Buffer = TimeSpan.Zero }).Select(s => s.Start).ShouldBe([Local(3, 2, 14)]);
    }

    [Fact]
    public void Slots_are_spread_over_different_days_before_a_day_gets_a_second_one()
    {
        var busyThursdayAndFriday = Person(1, Busy(Local(3, 5, 8), Local(3, 6, 18)));

        var slots = SlotFinder.Find(Query([busyThursdayAndFriday, Person(2)], wanted: 4));

        slots.Select(s => s.Start).ShouldBe([Local(3, 2, 13), Local(3, 2, 14, 30), Local(3, 3, 13), Local(3, 4, 13)]);
    }

    [Fact]
    public void No_slot_falls_in_a_school_holiday()
    {
        Calendar.HolidayOn(new DateOnly(2026, 4, 8)).ShouldNotBeNull(); // the Easter holiday of 2026
        var query = Query([Person(1)], wanted: 10) with { From = Local(4, 1, 0), To = Local(4, 25, 0) };

        var slots = SlotFinder.Find(query);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => Calendar.IsSchoolDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, Brussels).DateTime)));
        slots.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, Brussels).DateTime)).Distinct()
            .ShouldBe([new(2026, 4, 1), new(2026, 4, 2), new(2026, 4, 3), new(2026, 4, 20), new(2026, 4, 21), new(2026, 4, 22), new(2026, 4, 23), new(2026, 4, 24)], ignoreOrder: true);
    }

    [Fact]
    public void A_participants_own_community_session_is_busy_time_like_any_other()
    {
        var session = Busy(Local(3, 2, 13, 30), Local(3, 2, 16)); // the caller adds it beside Graph's free/busy
        var query = Query([Person(1, session), Person(2)], wanted: 1) with { To = Local(3, 3, 0) };

        // 13:00–17:00 minus a session of 13:30–16:00 leaves no 90 minutes together: only times without coach 1.
        SlotFinder.Find(query).ShouldAllBe(s => s.Missing.SequenceEqual(new[] { 1L }));
        SlotFinder.Find(query with { Participants = [Person(1), Person(2)] }).Single().Start.ShouldBe(Local(3, 2, 13));
    }

    [Fact]
    public void Local_hours_hold_across_the_change_to_summer_time()
    {
        var query = Query([Person(1)], wanted: 10) with
        {
            From = Local(3, 27, 0), // Friday before the last Sunday of March
            To = Local(3, 31, 0),
            DayStart = new TimeOnly(14, 0),
            DayEnd = new TimeOnly(15, 30),
        };

        var slots = SlotFinder.Find(query);

        slots.Select(s => s.Start.UtcDateTime).ShouldBe([new DateTime(2026, 3, 27, 13, 0, 0), new DateTime(2026, 3, 30, 12, 0, 0)]);
    }

    [Fact]
    public void Tentative_is_busy_unless_the_query_says_otherwise_and_out_of_office_always_is()
    {
        var tentative = Person(1, Busy(Local(3, 2, 13), Local(3, 2, 17), BusyKind.Tentative));
        var away = Person(2, Busy(Local(3, 3, 0), Local(3, 4, 0), BusyKind.OutOfOffice));
        var query = Query([tentative, away], wanted: 1) with { To = Local(3, 4, 0) };

        SlotFinder.Find(query).ShouldAllBe(s => !s.EveryoneFree);
        var relaxed = SlotFinder.Find(query with { TentativeIsBusy = false }).Single();
        relaxed.Start.ShouldBe(Local(3, 2, 13));
        relaxed.EveryoneFree.ShouldBeTrue();
    }

    [Fact]
    public void When_nobody_is_free_together_there_is_no_slot()
    {
        var week = Busy(Local(3, 2, 0), Local(3, 7, 0));

        SlotFinder.Find(Query([Person(1, week), Person(2, week), Person(3)])).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_common_time_slots_where_all_but_one_are_free_name_the_one()
    {
        var alwaysBusy = Person(7, Busy(Local(3, 2, 0), Local(3, 7, 0)));
        var mondayBusy = Person(8, Busy(Local(3, 2, 0), Local(3, 3, 0)));

        var slots = SlotFinder.Find(Query([alwaysBusy, mondayBusy, Person(9)], wanted: 3));

        slots.Select(s => (s.Start, s.Missing.Single())).ShouldBe([(Local(3, 3, 13), 7L), (Local(3, 4, 13), 7L), (Local(3, 5, 13), 7L)]);
        slots.ShouldAllBe(s => !s.EveryoneFree);
    }

    [Fact]
    public void The_coach_the_coach_is_never_the_one_left_out()
    {
        var leader = Person(7, Busy(Local(3, 2, 0), Local(3, 4, 0)));
        var coach = Person(8, Busy(Local(3, 4, 0), Local(3, 7, 0)));

        var slots = SlotFinder.Find(Query([leader, coach, Person(9)], wanted: 5) with { Required = new HashSet<long> { 7 } });

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.Missing.SequenceEqual(new[] { 8L }));
    }

    [Fact]
    public void Unreadable_calendars_are_neither_free_nor_busy()
    {
        var unreadable = new ParticipantCalendar(5, "Coach 5", false, [Busy(Local(3, 2, 0), Local(3, 7, 0))]);

        var slots = SlotFinder.Find(Query([Person(1), unreadable], wanted: 1));

        slots.Single().ShouldBe(new ProposedSlot(Local(3, 2, 13), Local(3, 2, 14, 30), []), new SlotComparer());
        SlotFinder.Find(Query([unreadable])).ShouldBeEmpty();
    }

    [Fact]
    public void Candidates_every_15_minutes_when_asked()
    {
        var query = Query([Person(1, Busy(Local(3, 2, 12), Local(3, 2, 13, 15)))], wanted: 1) with { Step = TimeSpan.FromMinutes(15), To = Local(3, 3, 0) };

        SlotFinder.Find(query).Single().Start.ShouldBe(Local(3, 2, 13, 15));
    }

    private sealed class SlotComparer : IEqualityComparer<ProposedSlot>
    {
        public bool Equals(ProposedSlot? x, ProposedSlot? y) => x!.Start == y!.Start && x.End == y.End && x.Missing.SequenceEqual(y.Missing);

        public int GetHashCode(ProposedSlot obj) => obj.Start.GetHashCode();
    }
}
