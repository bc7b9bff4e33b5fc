using CommunityBot.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// What an answer on a reminder costs the database, statement by statement: a press is the endpoint's commonest turn,
/// and on PostgreSQL every statement is a round trip. Re-planning reminders runs only when an owner comes back to "still to do".
/// </summary>
public sealed class PressCostTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of Monday 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Help_re_plans_nothing_done_only_cancels_and_coming_back_plans_again()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        await app.DeliveryIdleAsync();

        async Task<List<string>> PressAsync(string answer)
        {
            faults.Commands.Clear();
            using (faults.Record())
            {
                CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, answer, AgreementCardViews.Reminder), "card-1", Megan)))
                    .ShouldContain("Lesvoorbereiding H3 afwerken");
            }
            await app.DeliveryIdleAsync();
            return [.. faults.Commands];
        }
        static int Planning(List<string> commands) => commands.Count(c => c.Contains("FROM \"ReminderPlans\"", StringComparison.Ordinal)
            && !c.Contains("'Sent'", StringComparison.Ordinal) || c.Contains("UPDATE \"ReminderPlans\"", StringComparison.Ordinal));
        async Task<int> PlannedAsync() => await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.PersonId == world.Id(Megan) && p.State == ReminderState.Planned));
        var plannedAtStart = await PlannedAsync();
        plannedAtStart.ShouldBeGreaterThan(0);

        var help = await PressAsync(AgreementAnswers.NeedHelp);
        Planning(help).ShouldBe(0, string.Join("\n", help));
        help.Count.ShouldBe(21, string.Join("\n", help));
        (await PlannedAsync()).ShouldBe(plannedAtStart);

        var done = await PressAsync(AgreementAnswers.Done);
        Planning(done).ShouldBe(1, "only the cancellation");
        done.Count.ShouldBe(30, string.Join("\n", done));
        (await PlannedAsync()).ShouldBe(0);

        var back = await PressAsync(AgreementAnswers.NeedHelp);
        Planning(back).ShouldBeGreaterThan(1);
        (await PlannedAsync()).ShouldBe(plannedAtStart);
    }
}
