using CommunityBot.Briefings;
using CommunityBot.Nudges;
using CommunityBot.Sessions;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Nudges;

public sealed class NudgeSweepTests
{
    /// <summary>Tuesdays at 10:00 in Brussels, from six weeks minus six days after the last session (Monday 23 March).</summary>
    private static DateTimeOffset Tuesday(int week) => new DateTimeOffset(2026, 4, 28, 8, 0, 0, TimeSpan.Zero).AddDays(7 * week);

    private static async Task<AgreementWorld> WithLastSessionHeldAsync(BotApplication app)
    {
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.Sessions.Where(s => s.Id == world.NextSessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SessionStatus.Held)));
        return world;
    }

    private static async Task<int> PlanNudgesAsync(AgreementWorld world) =>
        (await world.OutboxAsync()).Count(m => m.DedupeKey.StartsWith("nudge:plan:", StringComparison.Ordinal));

    [Fact]
    public async Task A_paused_community_gets_two_plan_nudges_and_then_none_until_a_session_is_planned_again()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await WithLastSessionHeldAsync(app);

        await world.AtAsync<NudgeSweep>(Tuesday(0));
        await world.AtAsync<NudgeSweep>(Tuesday(1));
        (await PlanNudgesAsync(world)).ShouldBe(2);
        await world.AtAsync<NudgeSweep>(Tuesday(2));
        await world.AtAsync<NudgeSweep>(Tuesday(3));
        (await PlanNudgesAsync(world)).ShouldBe(2);

        // The coach plans a session, then has to cancel it: the gap is open again and the count starts over.
        await app.QueryAsync(async db =>
        {
            db.Sessions.Add(new Session { CommunityId = world.CommunityId, StartsAt = Tuesday(6), Status = SessionStatus.Cancelled, CreatedAt = Tuesday(3).AddHours(1) });
            return await db.SaveChangesAsync();
        });
        await world.AtAsync<NudgeSweep>(Tuesday(4));
        (await PlanNudgesAsync(world)).ShouldBe(3);
    }

    [Fact]
    public async Task A_community_asked_to_plan_this_week_is_not_read_again_until_next_monday()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await WithLastSessionHeldAsync(app);
        await world.AtAsync<NudgeSweep>(Tuesday(0));
        (await PlanNudgesAsync(world)).ShouldBe(1);

        using (faults.Record())
        {
            await world.AtAsync<NudgeSweep>(Tuesday(0).AddDays(1)); // Wednesday 10:00 local: the bot may write
        }

        // Only the two looks for due rows: the community waits for next week.
        faults.Commands.Count.ShouldBe(2, string.Join("\n---\n", faults.Commands));
        await world.AtAsync<NudgeSweep>(Tuesday(1).AddDays(-1)); // Monday 10:00 local
        (await PlanNudgesAsync(world)).ShouldBe(2);
    }

    [Fact]
    public async Task A_nudge_sweep_with_nothing_new_to_send_builds_no_card()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await WithLastSessionHeldAsync(app);
        await world.AtAsync<NudgeSweep>(new DateTimeOffset(2026, 3, 23, 18, 0, 0, TimeSpan.Zero)); // 19:00 local: record nudge
        (await world.OutboxAsync()).ShouldHaveSingleItem();

        using (faults.Record())
        {
            await world.AtAsync<NudgeSweep>(new DateTimeOffset(2026, 3, 23, 18, 1, 0, TimeSpan.Zero));
        }

        // Communities, sessions, coaches, and one look at the outbox keys: no card is rebuilt, nothing is inserted.
        faults.Commands.Count.ShouldBeLessThanOrEqualTo(4, string.Join("\n---\n", faults.Commands));
        faults.Commands.ShouldNotContain(c => c.Contains("INSERT", StringComparison.Ordinal));
        (await world.OutboxAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_briefing_sweep_after_the_briefing_was_sent_does_not_build_it_again()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        await world.AtAsync<BriefingSweep>(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));
        (await world.OutboxAsync()).ShouldHaveSingleItem().Purpose.ShouldBe("briefing");

        using (faults.Record())
        {
            await world.AtAsync<BriefingSweep>(new DateTimeOffset(2026, 3, 20, 15, 1, 0, TimeSpan.Zero));
        }

        // Planned sessions, the community's people, and one look at the outbox keys.
        faults.Commands.Count.ShouldBeLessThanOrEqualTo(3, string.Join("\n---\n", faults.Commands));
        faults.Commands.ShouldNotContain(c => c.Contains("AgreementChanges", StringComparison.Ordinal));
    }
}
