using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Nudges;
using CommunityBot.Sessions;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// The plans the minute sweeps read (reminders, briefings, the cadence deadline) change in the transaction that changes
/// an agreement or a session: no sweep runs in these tests before the plans are checked.
/// </summary>
public sealed class ReplanningTests
{
    private const string OutboxInsert = "INSERT INTO \"OutboxMessages\"";

    /// <summary>The coach saves the move form of the next session: same time of day (16:00 local), another day.</summary>
    public static Activity MovePress(AgreementWorld world, string date) =>
        world.App.Teams.Execute(SessionVerbs.Move,
            new { sessionId = world.NextSessionId, version = 1, save = true, date, time = "16:00", location = "Lokaal 12" }, "card-move", Coach);

    private static async Task<(AgreementWorld World, long AgreementId)> WithAgreementAsync(BotApplication app)
    {
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        return (world, await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync()));
    }

    [Fact]
    public async Task Moving_a_session_replans_its_reminders_briefing_record_nudge_and_cadence_deadline_at_once()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WithAgreementAsync(app);

        await app.InvokeAsync(MovePress(world, "2026-03-30"));

        var reminders = await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().ToListAsync());
        reminders.Where(p => p.SessionVersion == 1).ShouldAllBe(p => p.State == ReminderState.Cancelled);
        reminders.Where(p => p.SessionVersion == 2 && p.State == ReminderState.Planned).Select(p => p.DueAt).Distinct().ShouldBe(
            [new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero)], ignoreOrder: true);
        var briefing = await app.QueryAsync(db => db.BriefingPlans.AsNoTracking().SingleAsync());
        (briefing.SessionVersion, briefing.State, briefing.DueAt).ShouldBe((2, BriefingState.Planned, new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.Zero)));
        var recordNudge = await app.QueryAsync(db => db.RecordNudgePlans.AsNoTracking().SingleAsync());
        (recordNudge.SessionVersion, recordNudge.DueAt).ShouldBe((2, new DateTimeOffset(2026, 3, 30, 17, 0, 0, TimeSpan.Zero))); // 19:00 local
        var deadline = await app.QueryAsync(db => db.CadenceDeadlines.AsNoTracking().SingleAsync());
        deadline.NudgeFrom.ShouldBe(new DateTimeOffset(2026, 3, 30, 14, 0, 0, TimeSpan.Zero).AddDays(7 * 6 - 7));
    }

    [Fact]
    public async Task Cancelling_a_session_cancels_its_reminders_briefing_and_record_nudge_at_once()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app);

        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId = world.NextSessionId, confirm = true }, "card-cancel", Coach));

        (await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().ToListAsync())).ShouldAllBe(p => p.State != ReminderState.Planned);
        (await app.QueryAsync(db => db.BriefingPlans.AsNoTracking().SingleAsync())).State.ShouldBe(BriefingState.Cancelled);
        (await app.QueryAsync(db => db.RecordNudgePlans.AsNoTracking().SingleAsync())).State.ShouldBe(RecordNudgeState.Cancelled);
        (await app.QueryAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id))).DueSessionId.ShouldBeNull();
        (await app.QueryAsync(db => db.CadenceDeadlines.AsNoTracking().SingleAsync())).NudgeFrom
            .ShouldBe(HeldSessionStart.AddDays(7 * 6 - 7));
    }

    [Fact]
    public async Task Planning_a_session_gives_an_agreement_without_one_its_reminders_at_once()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app);
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId = world.NextSessionId, confirm = true }, "card-cancel", Coach));

        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan,
            new { communityId = world.CommunityId, save = true, date = "2026-04-20", time = "16:00", location = "Lokaal 12" }, "card-plan", Coach));

        var planned = await app.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Status == SessionStatus.Planned));
        (await app.QueryAsync(db => db.Agreements.AsNoTracking().SingleAsync(a => a.Id == id))).DueSessionId.ShouldBe(planned.Id);
        (await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().Where(p => p.State == ReminderState.Planned).ToListAsync()))
            .ShouldAllBe(p => p.SessionId == planned.Id);
        (await app.QueryAsync(db => db.BriefingPlans.AsNoTracking().SingleAsync(p => p.State == BriefingState.Planned))).SessionId.ShouldBe(planned.Id);
    }

    [Fact]
    public async Task A_move_that_fails_before_commit_leaves_every_plan_as_it_was()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var (world, _) = await WithAgreementAsync(app);
        var before = await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.State, p.SessionVersion }).ToListAsync());

        faults.FailOnce(OutboxInsert);
        await Should.ThrowAsync<Exception>(async () => (await app.PostAsync(MovePress(world, "2026-03-30"))).EnsureSuccessStatusCode());

        (await app.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == world.NextSessionId))).Version.ShouldBe(1);
        (await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.State, p.SessionVersion }).ToListAsync()))
            .ShouldBe(before);
        (await app.QueryAsync(db => db.BriefingPlans.AsNoTracking().SingleAsync())).SessionVersion.ShouldBe(1);
    }

    [Fact]
    public async Task Each_owners_done_cancels_their_own_reminders_by_the_answer_itself()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app);
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.State == ReminderState.Planned))).ShouldBeGreaterThan(0);

        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Mine), "card-2", Megan));
        var planned = await app.QueryAsync(db => db.ReminderPlans.Where(p => p.State == ReminderState.Planned).Select(p => p.PersonId).Distinct().ToListAsync());
        planned.ShouldBe([world.Id(Adele)]);

        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Mine), "card-3", Adele));
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.State == ReminderState.Planned))).ShouldBe(0);
    }
}
