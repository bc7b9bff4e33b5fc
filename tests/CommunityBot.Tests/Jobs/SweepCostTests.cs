using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Nudges;
using CommunityBot.Tests.Agreements;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Jobs;

/// <summary>With nothing due, each minute sweep asks the database only for due rows and re-plans nothing.</summary>
public sealed class SweepCostTests
{
    /// <summary>Tuesday 10 March 2026, 10:00 in Brussels: a school day, between the agreement and its first reminder.</summary>
    private static readonly DateTimeOffset NothingDue = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<string>> CommandsOfAsync<TJob>(int expected) where TJob : class, CommunityBot.Jobs.IRecurringJob
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        app.Clock.SetUtcNow(NothingDue);

        using (faults.Record())
        {
            await world.RunAsync<TJob>();
        }

        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose != "agreement-summary");
        faults.Commands.Count.ShouldBe(expected, string.Join("\n---\n", faults.Commands));
        faults.Commands.ShouldNotContain(c => c.Contains("INSERT", StringComparison.Ordinal) || c.Contains("UPDATE", StringComparison.Ordinal));
        return faults.Commands;
    }

    [Fact]
    public async Task The_reminder_sweep_with_nothing_due_reads_only_the_due_reminder_plans()
    {
        var command = (await CommandsOfAsync<ReminderSweep>(1)).Single();
        command.ShouldContain("FROM \"ReminderPlans\"");
        command.ShouldNotContain("\"Agreements\"");
    }

    [Fact]
    public async Task The_briefing_sweep_with_nothing_due_reads_only_the_due_briefing_plans()
    {
        var command = (await CommandsOfAsync<BriefingSweep>(1)).Single();
        command.ShouldContain("FROM \"BriefingPlans\"");
        command.ShouldNotContain("\"Sessions\"");
    }

    [Fact]
    public async Task The_nudge_sweep_with_nothing_due_reads_only_due_record_nudges_and_passed_cadence_deadlines()
    {
        var commands = await CommandsOfAsync<NudgeSweep>(2);
        commands[0].ShouldContain("FROM \"RecordNudgePlans\"");
        commands[1].ShouldContain("FROM \"CadenceDeadlines\"");
    }

    [Fact]
    public async Task The_close_the_loop_sweep_with_nothing_due_reads_only_the_due_close_the_loop_plans()
    {
        var command = (await CommandsOfAsync<CloseLoopSweep>(1)).Single();
        command.ShouldContain("FROM \"CloseLoopPlans\"");
        command.ShouldNotContain("\"Sessions\"");
    }
}
