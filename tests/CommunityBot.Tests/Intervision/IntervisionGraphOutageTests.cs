using CommunityBot.Delivery;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

/// <summary>
/// Microsoft Graph down: the intervision is deferred, not dropped. The coach-the-coach is told what happened, that the
/// bot tries again itself and when; nothing is stored half; the sweep then proposes (or books) exactly once.
/// </summary>
public sealed class IntervisionGraphOutageTests
{
    [Theory]
    [InlineData(Language.Dutch, "Intervisie Sint-Jozef: de agenda's zijn nu niet bereikbaar (Microsoft 365 antwoordt niet). Er is niets voorgesteld; ik probeer het zelf opnieuw op {0} en laat je dan weten hoe het ging.")]
    [InlineData(Language.English, "Intervisie Sint-Jozef: the calendars cannot be reached now (Microsoft 365 does not answer). Nothing was proposed; I will try again myself on {0} and let you know how it went.")]
    public async Task Calendars_that_cannot_be_read_defer_the_proposal_with_a_clear_message_and_the_sweep_proposes_it_once_later(
        Language language, string deferred)
    {
        var world = await StartAsync();
        await using var app = world.App;
        world.Calendar.ScheduleProblem = CalendarProblem.Unavailable;

        var answer = await world.PlanAsync(language);

        var retryAt = (await app.QueryAsync(db => db.Set<IntervisionGroup>().SingleAsync(g => g.Id == world.GroupId))).NextProposalAt!.Value;
        (retryAt - app.Clock.GetUtcNow()).ShouldBeInRange(TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
        answer.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, deferred,
            Formats.DayAndTime(retryAt, LocalClock.Zone("Europe/Brussels"), language, app.Clock.GetUtcNow())));
        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0);
        await world.RunSweepAsync();
        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0, "not before the moment it named");

        world.Calendar.ScheduleProblem = null;
        app.Clock.SetUtcNow(retryAt);
        await world.RunSweepAsync();
        await world.RunSweepAsync();
        await world.SettleAsync();

        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(1);
        // The report speaks Nestor's own language, which his command may have set.
        world.Texts(Nestor).Count(t => t.Contains("4 momenten voorgesteld", StringComparison.Ordinal) || t.Contains("4 times proposed", StringComparison.Ordinal)).ShouldBe(1);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith("intervision-vote:")))).ShouldBe(3);
        world.CardsOf(Alex).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(Language.Dutch, "Het moment is bevestigd, maar de vergadering kon nog niet in de agenda's gezet worden. Er is nog niets geboekt; ik probeer het opnieuw om {0} en laat het iedereen weten.")]
    [InlineData(Language.English, "The time is confirmed, but the meeting could not be put in the calendars yet. Nothing is booked yet; I will try again at {0} and tell everyone.")]
    public async Task A_booking_that_fails_says_when_it_is_tried_again_and_nothing_is_booked_until_the_sweep_books_it_once(Language language, string pending)
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync(language);
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        foreach (var voter in new[] { Alex, Diego, Nestor })
        {
            await world.VoteAsync(voter, proposal.Id, slots, [slots[0]], language);
        }
        world.Calendar.FailBookings(1);

        var answer = MessageText(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Confirm,
            new Dictionary<string, object> { ["proposalId"] = proposal.Id, ["slot"] = slots[0].ToString(System.Globalization.CultureInfo.InvariantCulture) }, "confirm-card", Nestor, Locale(language))));

        var failed = await world.ProposalAsync();
        answer.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, pending,
            Formats.Time(failed.RetryAt!.Value, LocalClock.Zone("Europe/Brussels"), language)));
        failed.State.ShouldBe(ProposalState.Chosen);
        failed.EventId.ShouldBeNull();
        app.Clock.SetUtcNow(failed.RetryAt.Value);
        await world.RunSweepAsync();
        await world.RunSweepAsync();
        await world.SettleAsync();

        (await world.ProposalAsync()).State.ShouldBe(ProposalState.Booked);
        world.Calendar.CreateCalls.ShouldBe(2);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith("intervision-booked:")))).ShouldBe(3);
    }
}
