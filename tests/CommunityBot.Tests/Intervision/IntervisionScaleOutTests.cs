using CommunityBot.Delivery;
using CommunityBot.Intervision;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

/// <summary>
/// Two host instances on one PostgreSQL and one calendar: while the first instance's booking waits on the calendar,
/// Nestor presses "Bevestigen" again on the second, and both sweeps run at once. One meeting, one card each.
/// </summary>
public sealed class IntervisionScaleOutTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_confirm_presses_and_two_sweeps_at_once_book_one_meeting_and_send_one_card_each()
    {
        var connectionString = await postgres.DatabaseAsync($"intervision_scaleout_{Guid.NewGuid():N}");
        void OnPostgres(IDictionary<string, string?> s)
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
        }
        var world = await StartAsync(OnPostgres);
        await using var first = world.App;
        await using var second = await BotApplication.StartAsync(OnPostgres,
            services => services.Replace(ServiceDescriptor.Singleton<IIntervisionCalendar>(world.Calendar)), first.Clock.GetUtcNow());
        second.Connector.AddConversation(TeamsActivities.TeamId, TeamsActivities.TenantId);

        (await world.PlanAsync()).ShouldContain("momenten voorgesteld");
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        foreach (var who in new[] { Nestor, Alex, Diego })
        {
            await world.VoteAsync(who, proposal.Id, slots, [slots[0]]);
        }
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.AwaitingConfirmation);

        world.Calendar.BookingGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstPress = world.ConfirmAsync(proposal.Id, slots[0]);
        await world.Calendar.AtGate.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var secondPress = second.InvokeAsync(second.Teams.Execute(IntervisionVerbs.Confirm,
            new Dictionary<string, object> { ["proposalId"] = proposal.Id, ["slot"] = slots[1].ToString(System.Globalization.CultureInfo.InvariantCulture) }, "confirm-card", Nestor));
        await Task.WhenAll(SweepAsync(first), SweepAsync(second));
        world.Calendar.BookingGate.SetResult();
        var answers = await Task.WhenAll(firstPress, secondPress);
        await Task.WhenAll(SweepAsync(second), SweepAsync(first));

        answers.ShouldAllBe(a => a.StatusCode == 200);
        MessageText(answers[1]).ShouldContain("wacht niet (meer) op bevestiging");
        world.Calendar.CreateCalls.ShouldBe(1);
        var booked = await world.ProposalAsync();
        booked.State.ShouldBe(ProposalState.Booked);
        booked.ChosenSlotId.ShouldBe(slots[0]);
        (await first.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith("intervision-booked:")))).ShouldBe(3);
    }

    private static async Task SweepAsync(BotApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IntervisionSweep>().RunAsync(CancellationToken.None);
    }
}
