using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Digests;
using CommunityBot.Sessions;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestContentWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>What a community's section of the weekly digest says, on data seeded as the other features write it.</summary>
public sealed class DigestContentTests
{
    [Fact]
    public async Task Every_n_weeks_counts_this_school_years_sessions_and_flags_a_session_beyond_the_norm()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        var onTrack = await world.CommunityAsync("On track", coach: "Alex Wilber");
        await world.SessionAsync(onTrack.Id, new DateTimeOffset(2025, 6, 12, 14, 0, 0, TimeSpan.Zero));
        await world.SessionAsync(onTrack.Id, new DateTimeOffset(2025, 10, 2, 14, 0, 0, TimeSpan.Zero));
        await world.SessionAsync(onTrack.Id, DaysBefore(20));
        await world.SessionAsync(onTrack.Id, DaysBefore(10), SessionStatus.Cancelled);
        await world.SessionAsync(onTrack.Id, DaysBefore(-10), SessionStatus.Planned);
        await world.SessionAsync(onTrack.Id, DaysBefore(-40), SessionStatus.Planned);
        var latePlanned = await world.CommunityAsync("Late, planned");
        await world.SessionAsync(latePlanned.Id, DaysBefore(50));
        await world.SessionAsync(latePlanned.Id, DaysBefore(-5), SessionStatus.Planned);
        var lateNone = await world.CommunityAsync("Late, none planned");
        await world.SessionAsync(lateNone.Id, DaysBefore(50));
        var withinNone = await world.CommunityAsync("Within, none planned");
        await world.SessionAsync(withinNone.Id, DaysBefore(30));

        var content = await world.ContentAsync();

        var section = content[onTrack.Id];
        // June 2025 was last school year; a cancelled session never counts.
        (section.SessionsThisSchoolYear, section.LastSessionAt, section.NextSessionAt).ShouldBe((2, DaysBefore(20), DaysBefore(-10)));
        (section.CadenceKind, section.CadenceCount).ShouldBe((CadenceKind.EveryNWeeks, 6));
        section.Coaches.ShouldBe(["Alex Wilber"]);
        section.NeedsAttention.ShouldBeEmpty();
        // Fifty days is past six weeks, and a session five days after the period does not bring it back within them.
        Kinds(content[latePlanned.Id]).ShouldBe([AttentionKind.NoSessionBeyondNorm]);
        Kinds(content[lateNone.Id]).ShouldBe([AttentionKind.NoSessionBeyondNorm, AttentionKind.NoNextSession]);
        Kinds(content[withinNone.Id]).ShouldBe([AttentionKind.NoNextSession]);
    }

    [Fact]
    public async Task Sessions_a_school_year_are_flagged_only_when_the_years_norm_can_no_longer_be_met()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        var five = await world.CommunityAsync("Five a year", CadenceKind.PerSchoolYear, 5);
        await world.SessionAsync(five.Id, new DateTimeOffset(2025, 9, 15, 14, 0, 0, TimeSpan.Zero));
        await world.SessionAsync(five.Id, new DateTimeOffset(2025, 11, 17, 14, 0, 0, TimeSpan.Zero));
        await world.SessionAsync(five.Id, new DateTimeOffset(2026, 1, 20, 14, 0, 0, TimeSpan.Zero));
        var ten = await world.CommunityAsync("Ten a year", CadenceKind.PerSchoolYear, 10);
        await world.SessionAsync(ten.Id, new DateTimeOffset(2025, 10, 10, 13, 0, 0, TimeSpan.Zero));
        await world.SessionAsync(ten.Id, DaysBefore(-7), SessionStatus.Planned);

        var content = await world.ContentAsync();

        // Two to go, three school weeks apart, still fit before the summer: only the missing next session is news.
        content[five.Id].SessionsThisSchoolYear.ShouldBe(3);
        Kinds(content[five.Id]).ShouldBe([AttentionKind.NoNextSession]);
        // Nine to go from October no longer fit this school year, whatever is planned now.
        content[ten.Id].SessionsThisSchoolYear.ShouldBe(1);
        Kinds(content[ten.Id]).ShouldBe([AttentionKind.NoSessionBeyondNorm]);
    }

    [Fact]
    public async Task Agreements_are_counted_per_the_owner_rules_and_the_coach_sees_who_still_has_the_overdue_ones()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        var c = await world.CommunityAsync("Agreements");
        var (m1, m2, m3) = (c.MemberIds[0], c.MemberIds[1], c.MemberIds[2]);
        var earlier = await world.SessionAsync(c.Id, DaysBefore(40));
        var past = await world.SessionAsync(c.Id, DaysBefore(10));
        var next = await world.SessionAsync(c.Id, DaysBefore(-10), SessionStatus.Planned);
        await world.AgreementAsync(c.Id, "made this week", DaysBefore(3), next, (m1, AgreementStatus.Open, null));
        await world.AgreementAsync(c.Id, "made at the period's start", Period.From, next, (m2, AgreementStatus.Open, null));
        await world.AgreementAsync(c.Id, "made at the period's end", Period.To, next, (m2, AgreementStatus.Open, null));
        var halfDone = await world.AgreementAsync(c.Id, "half done", DaysBefore(20), past, (m1, AgreementStatus.Open, null), (m2, AgreementStatus.Done, DaysBefore(15)));
        var help = await world.AgreementAsync(c.Id, "help asked", DaysBefore(20), past, (m2, AgreementStatus.NeedHelp, DaysBefore(11)), (m3, AgreementStatus.Open, null));
        await world.AgreementAsync(c.Id, "finished this week", DaysBefore(20), past, (m1, AgreementStatus.Done, DaysBefore(2)), (m2, AgreementStatus.Done, DaysBefore(12)));
        await world.AgreementAsync(c.Id, "finished before", DaysBefore(50), earlier, (m3, AgreementStatus.Done, DaysBefore(12)));
        await world.AgreementAsync(c.Id, "given up", DaysBefore(20), past, (m1, AgreementStatus.WontMakeIt, DaysBefore(2)));
        var carried = await world.AgreementAsync(c.Id, "carried over", DaysBefore(20), next, (m1, AgreementStatus.Open, null));
        await world.CoachChangeAsync(carried, c.CoachId, AgreementChangeKind.CarriedOver, DaysBefore(1));
        var dropped = await world.AgreementAsync(c.Id, "dropped", DaysBefore(20), past, (m3, AgreementStatus.Open, null));
        await world.CoachChangeAsync(dropped, c.CoachId, AgreementChangeKind.Dropped, DaysBefore(4));
        var droppedBefore = await world.AgreementAsync(c.Id, "dropped before", DaysBefore(20), past, (m3, AgreementStatus.Open, null));
        await world.CoachChangeAsync(droppedBefore, c.CoachId, AgreementChangeKind.Dropped, DaysBefore(9));
        var many = await world.CommunityAsync("Many overdue");
        var manyPast = await world.SessionAsync(many.Id, DaysBefore(5));
        await world.SessionAsync(many.Id, DaysBefore(-20), SessionStatus.Planned);
        foreach (var text in new[] { "one", "two", "three" })
        {
            await world.AgreementAsync(many.Id, text, DaysBefore(30), manyPast, (many.MemberIds[0], AgreementStatus.Open, null));
        }

        var content = await world.ContentAsync();

        var section = content[c.Id];
        // Made: from the period's first moment up to (not including) its end.
        section.Agreements.ShouldBe(new AgreementCounts(Made: 2, Done: 1, CarriedOver: 1, Dropped: 1, Overdue: 2));
        section.NeedsAttention.ShouldBeEmpty();
        var overdue = section.ForCoach!.Overdue;
        overdue.Select(o => (o.AgreementId, o.Text, o.DueAt)).ShouldBe([(halfDone, "half done", DaysBefore(10)), (help, "help asked", DaysBefore(10))]);
        // Only the owners who still have it to do: Teacher 2 finished her part of the first.
        overdue[0].Owners.ShouldBe(["Teacher 1 Agreements"]);
        overdue[1].Owners.ShouldBe(["Teacher 2 Agreements", "Teacher 3 Agreements"]);
        content[many.Id].NeedsAttention.ShouldBe([new AttentionItem(AttentionKind.ManyOverdue, Count: 3)]);
    }

    [Fact]
    public async Task Attendance_shows_the_last_three_held_sessions_recorded_or_not_and_falling_presence()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        var c = await world.CommunityAsync("Attendance");
        var m = c.MemberIds;
        await world.AttendanceAsync(await world.SessionAsync(c.Id, DaysBefore(60)), m, []);
        var s40 = await world.SessionAsync(c.Id, DaysBefore(40));
        await world.AttendanceAsync(s40, m.Take(3), m.Skip(3));
        var s25 = await world.SessionAsync(c.Id, DaysBefore(25));
        await world.AttendanceAsync(s25, m.Skip(1), m.Take(1));
        var s10 = await world.SessionAsync(c.Id, DaysBefore(10));
        await world.SessionAsync(c.Id, DaysBefore(-10), SessionStatus.Planned);
        var falling = await world.CommunityAsync("Falling", members: 5);
        await world.AttendanceAsync(await world.SessionAsync(falling.Id, DaysBefore(20)), falling.MemberIds, []);
        await world.AttendanceAsync(await world.SessionAsync(falling.Id, DaysBefore(6)), falling.MemberIds.Skip(1), falling.MemberIds.Take(1));
        await world.SessionAsync(falling.Id, DaysBefore(-10), SessionStatus.Planned);
        var steady = await world.CommunityAsync("Steady", members: 5);
        await world.AttendanceAsync(await world.SessionAsync(steady.Id, DaysBefore(20)), steady.MemberIds.Skip(1), steady.MemberIds.Take(1));
        await world.AttendanceAsync(await world.SessionAsync(steady.Id, DaysBefore(6)), steady.MemberIds.Skip(2), steady.MemberIds.Take(1));
        await world.SessionAsync(steady.Id, DaysBefore(-10), SessionStatus.Planned);

        var content = await world.ContentAsync();

        var section = content[c.Id];
        section.RecentSessions.Select(s => (s.SessionId, s.StartsAt, s.Recorded, s.Present, s.Absent))
            .ShouldBe([(s40, DaysBefore(40), true, 3, 1), (s25, DaysBefore(25), true, 3, 1), (s10, DaysBefore(10), false, 0, 0)]);
        // The last session has no attendance: the coach sees who was absent at the one before, where it was taken.
        section.ForCoach!.AbsentLastSession.ShouldBe(["Teacher 1 Attendance"]);
        // A drop to an unrecorded session is no drop.
        section.NeedsAttention.ShouldBeEmpty();
        // 100 % to 80 %: exactly twenty points.
        Kinds(content[falling.Id]).ShouldBe([AttentionKind.AttendanceFalling]);
        content[falling.Id].ForCoach!.AbsentLastSession.ShouldBe(["Teacher 1 Falling"]);
        // 80 % to 75 %.
        content[steady.Id].NeedsAttention.ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_ins_show_the_last_three_closed_rounds_suppressed_below_k_and_a_condition_that_fell()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        var c = await world.CommunityAsync("Check-ins");
        await world.SessionAsync(c.Id, DaysBefore(10));
        await world.SessionAsync(c.Id, DaysBefore(-10), SessionStatus.Planned);
        var four = Enumerable.Repeat(All(4), 4).ToList();
        await world.RoundAsync(c.Id, DaysBefore(80), four);
        var atK = await world.RoundAsync(c.Id, DaysBefore(60), four);
        var belowK = await world.RoundAsync(c.Id, DaysBefore(40), [All(1), All(1), All(1)]);
        int[] lower = [4, 4, 3, 4, 4];
        int[] slightly = [4, 3, 3, 4, 4];
        var last = await world.RoundAsync(c.Id, DaysBefore(20), [lower, lower, lower, slightly], invited: 5);
        // Its window ends after the period: not in this digest.
        await world.RoundAsync(c.Id, DaysBefore(2), four, open: true);

        var section = (await world.ContentAsync())[c.Id];

        section.CheckIns.Select(r => r.CheckInId).ShouldBe([atK, belowK, last]);
        section.CheckIns[1].ShouldBeOfType<NotEnoughAnswers>();
        var before = section.CheckIns[0].ShouldBeOfType<CheckInAggregate>();
        before.Conditions.ShouldAllBe(x => x.Mean == 4.0);
        var latest = section.CheckIns[2].ShouldBeOfType<CheckInAggregate>();
        (latest.Responses, latest.ResponseRate).ShouldBe((4, 0.8));
        latest.Conditions.Single(x => x.Condition == CheckInCondition.PsychologicalSafety).Mean.ShouldBe(3.0);
        latest.Conditions.Single(x => x.Condition == CheckInCondition.Cohesion).Mean.ShouldBe(3.75);
        // A digest never carries comments, not even a coach's.
        section.CheckIns.OfType<CheckInAggregate>().ShouldAllBe(r => r.Comments.Count == 0);
        // Psychological safety fell a whole point; cohesion a quarter, below the rule's half point. The round below k in
        // between neither counts nor hides the fall.
        section.NeedsAttention.ShouldBe([new AttentionItem(AttentionKind.ConditionFell, Condition: CheckInCondition.PsychologicalSafety)]);
    }

    [Fact]
    public async Task A_phase_change_within_the_period_shows_the_phase_before_it()
    {
        var world = await StartAsync();
        await using var _ = world.App;
        var changed = await world.CommunityAsync("Changed");
        await world.PhaseChangeAsync(changed.Id, changed.CoachId, CommunityPhase.TeachersMotivated, CommunityPhase.ThemesOrganised, DaysBefore(3));
        var earlier = await world.CommunityAsync("Earlier");
        await world.PhaseChangeAsync(earlier.Id, earlier.CoachId, CommunityPhase.TeachersMotivated, CommunityPhase.ThemesOrganised, DaysBefore(9));
        var back = await world.CommunityAsync("And back");
        await world.PhaseChangeAsync(back.Id, back.CoachId, CommunityPhase.TeachersMotivated, CommunityPhase.ThemesOrganised, DaysBefore(5));
        await world.PhaseChangeAsync(back.Id, back.CoachId, CommunityPhase.ThemesOrganised, CommunityPhase.TeachersMotivated, DaysBefore(4));

        var content = await world.ContentAsync();

        (content[changed.Id].Phase, content[changed.Id].PreviousPhase).ShouldBe((CommunityPhase.ThemesOrganised, CommunityPhase.TeachersMotivated));
        content[earlier.Id].PreviousPhase.ShouldBeNull();
        content[back.Id].PreviousPhase.ShouldBeNull();
    }

    private static IEnumerable<AttentionKind> Kinds(CommunityDigest section) => section.NeedsAttention.Select(a => a.Kind);
}
