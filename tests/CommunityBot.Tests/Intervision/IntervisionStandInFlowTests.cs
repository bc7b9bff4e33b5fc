using CommunityBot.Demo;
using CommunityBot.Intervision;
using CommunityBot.Intervision.Graph.StandIn;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Intervision.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Intervision;

/// <summary>
/// The "done means" in process: in the demo tenant Alex plays Nestor and proposes, every participant votes
/// (Alex as himself, then as Diego and as Nestor), Nestor confirms, the meeting is booked in the local Graph stand-in
/// (not a fake calendar) with the proposal's transactionId, and the card with the join link arrives.
/// </summary>
public sealed class IntervisionStandInFlowTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(1);

    private static readonly ChannelAccount Alex = new() { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber", AadObjectId = DemoPeople.All[0].AadObjectId };

    [Theory]
    [InlineData("nl-BE", "intervisie plannen", "momenten voorgesteld aan", "De stemming is gesloten.", "bevestig het moment", "Bevestigen en boeken", "de intervisie is gepland", "Deelnemen")]
    [InlineData("en-US", "plan intervision", "times proposed to", "The vote is closed.", "confirm the time", "Confirm and book", "the intervision is planned", "Join")]
    public async Task Nestor_proposes_the_coaches_vote_he_confirms_and_the_stand_in_holds_the_meeting_with_the_join_link(
        string locale, string plan, string proposed, string closedNote, string confirmTitle, string confirm, string bookedTitle, string join)
    {
        await using var app = await GraphStandInTests.StartAsync(s =>
        {
            s["Demo:Enabled"] = "true";
            s["Demo:TenantId"] = TeamsActivities.TenantId;
            // The demo speaks its own language to its people, whatever the client's locale.
            s["Demo:Language"] = locale;
        });
        var ct = TestContext.Current.CancellationToken;
        // As in the playground: the app is installed in Alex's personal chat, and the demo's other people are in the tenant's team.
        app.Connector.AddConversation(TeamsActivities.TeamId, TeamsActivities.TenantId);
        await app.PostAsync(app.Teams.InstallPersonal(Alex, locale));

        await SayAsync(app, $"act as Nestor", locale);
        var report = await SayAsync(app, plan, locale);
        report.ShouldContain(proposed);
        report.ShouldContain("Diego Siciliani");
        report.ShouldNotContain("Microsoft 365"); // every calendar was read

        var proposal = await app.QueryAsync(db => db.Set<IntervisionProposal>().AsNoTracking().Include(p => p.Slots).SingleAsync());
        var slots = proposal.Slots.OrderBy(s => s.StartsAt).Select(s => s.Id).ToList();
        slots.Count.ShouldBeInRange(3, 5);
        await ShouldBeFreeInTheStandInAsync(app, proposal.Slots, ct);
        await app.AdvanceUntilAsync(() => VoteCardsOf(app, Alex.Id).Any(), Step, Within);

        // The second time is everyone's (the earliest would win a tie, so the tally decides here).
        await SayAsync(app, $"act as me", locale);
        await VoteAsync(app, proposal.Id, slots, [slots[0], slots[1]], locale);
        await SayAsync(app, $"act as Diego", locale);
        await VoteAsync(app, proposal.Id, slots, [slots[1]], locale);
        await SayAsync(app, $"act as Nestor", locale);
        await VoteAsync(app, proposal.Id, slots, [slots[1], slots[2]], locale);

        var closed = await app.QueryAsync(db => db.Set<IntervisionProposal>().AsNoTracking().SingleAsync());
        closed.State.ShouldBe(ProposalState.AwaitingConfirmation);
        closed.ChosenSlotId.ShouldBe(slots[1]);

        // Nestor's confirm card went to his own chat; asking again brings it into this one (once the redrawn vote cards
        // have gone out, so that the fake Teams' pacing does not refuse the reply).
        await app.AdvanceUntilAsync(() => CardsOf(app, Alex.Id).Any(c => c.Contains(closedNote, StringComparison.Ordinal)), Step, Within);
        var quiet = app.Clock.GetUtcNow().AddSeconds(5);
        await app.AdvanceUntilAsync(() => app.Clock.GetUtcNow() >= quiet, Step, Within);
        await app.PostAsync(app.Teams.Message(plan, Alex, locale));
        await app.AdvanceUntilAsync(() => CardsOf(app, Alex.Id).Any(c => c.Contains(confirmTitle, StringComparison.Ordinal)), Step, Within);
        CardsOf(app, Alex.Id).Last(c => c.Contains(confirmTitle, StringComparison.Ordinal)).ShouldContain(confirm);
        var confirmed = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Confirm,
            new Dictionary<string, object> { ["proposalId"] = proposal.Id, ["slot"] = slots[1].ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "confirm-card", Alex, locale));
        confirmed.StatusCode.ShouldBe(200);

        var booked = await app.QueryAsync(db => db.Set<IntervisionProposal>().AsNoTracking().SingleAsync());
        booked.State.ShouldBe(ProposalState.Booked);
        var view = (await app.QueryAsync(db => ProposalView.LoadAsync(db, proposal.Id, app.Clock.GetUtcNow(), ct)))!;
        var meeting = app.Services.GetRequiredService<GraphStandIn>().Find("nestor.wilke@demo.school", booked.EventId!).ShouldNotBeNull();
        meeting.TransactionId.ShouldBe(IntervisionBooker.TransactionId(view));
        meeting.Start.ShouldBe(proposal.Slots.Single(s => s.Id == slots[1]).StartsAt);
        meeting.Attendees.Select(a => a.Email).ShouldBe(["nestor.wilke@demo.school", "alex.wilber@demo.school", "diego.siciliani@demo.school"], ignoreOrder: true);
        booked.JoinUrl.ShouldBe(meeting.JoinUrl);

        await app.AdvanceUntilAsync(() => CardsOf(app, Alex.Id).Any(c => c.Contains(bookedTitle, StringComparison.Ordinal)), Step, Within);
        var card = CardsOf(app, Alex.Id).Last(c => c.Contains(bookedTitle, StringComparison.Ordinal));
        card.ShouldContain(join);
        card.ShouldContain(meeting.JoinUrl);
    }

    private static async Task ShouldBeFreeInTheStandInAsync(BotApplication app, IEnumerable<IntervisionSlot> slots, CancellationToken ct)
    {
        var calendar = app.Services.GetRequiredService<IIntervisionCalendar>();
        foreach (var slot in slots.Where(s => s.MissingPersonId is null))
        {
            var busy = await calendar.GetScheduleAsync("nestor.wilke@demo.school",
                ["nestor.wilke@demo.school", "alex.wilber@demo.school", "diego.siciliani@demo.school"], slot.StartsAt, slot.EndsAt, ct);
            busy.SelectMany(b => b.Busy).Where(b => b.Kind != BusyKind.Tentative).ShouldBeEmpty();
        }
    }

    private static async Task<string> SayAsync(BotApplication app, string text, string locale)
    {
        // Teams lets a chat take 7 messages a second: a person typing leaves the redrawn vote cards time to go out first,
        // otherwise the fake Teams (as Teams) refuses the reply with 429.
        var pause = app.Clock.GetUtcNow().AddSeconds(3);
        await app.AdvanceUntilAsync(() => app.Clock.GetUtcNow() >= pause, Step, Within);
        var before = Texts(app).Count;
        await app.PostAsync(app.Teams.Message(text, Alex, locale));
        await app.AdvanceUntilAsync(() => Texts(app).Count > before, Step, Within);
        // Every text since: a proactive message of the demo (delivered by the outbox meanwhile) may come after the reply.
        return string.Join(Environment.NewLine, Texts(app).Skip(before));
    }

    private static async Task VoteAsync(BotApplication app, long proposalId, IReadOnlyList<long> slots, IReadOnlyList<long> ticked, string locale)
    {
        var data = new Dictionary<string, object> { ["proposalId"] = proposalId };
        foreach (var id in slots)
        {
            data[VoteCard.InputId(id)] = ticked.Contains(id) ? VoteCard.On : VoteCard.Off;
        }
        var response = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Vote, data, "vote-card", Alex, locale));
        response.StatusCode.ShouldBe(200);
    }

    private static List<string> Texts(BotApplication app) =>
        [.. app.Connector.SentActivities.Where(a => a.ConversationId == TeamsActivities.PersonalChatOf(Alex) && a.Activity?.Text is not null).Select(a => a.Activity!.Text!)];

    private static List<string> CardsOf(BotApplication app, string teamsUserId) =>
        [.. new[] { TeamsActivities.PersonalChatOf(Alex), $"a:1on1-{teamsUserId}" }.SelectMany(chat => app.Connector.ActivitiesIn(chat!).Values)
            .Where(a => a.Attachments is { Count: > 0 })
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => IntervisionWorld.Readable(a.Attachments![0].Content!.Value.GetRawText()))];

    private static IEnumerable<string> VoteCardsOf(BotApplication app, string teamsUserId) =>
        CardsOf(app, teamsUserId).Where(c => c.Contains("Stemmen", StringComparison.Ordinal) || c.Contains("Vote", StringComparison.Ordinal));
}
