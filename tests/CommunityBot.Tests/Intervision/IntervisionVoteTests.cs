using CommunityBot.Intervision;
using CommunityBot.Localization;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

/// <summary>The coach-the-coach proposes, every participant votes on their own card, and every copy shows the same tally.</summary>
public sealed class IntervisionVoteTests
{
    [Theory]
    [InlineData(Language.Dutch, "Intervisie Sint-Jozef: 4 momenten voorgesteld aan Nestor Wilke, Alex Wilber, Diego Siciliani. Stemmen kan tot donderdag 5 maart, 10:00;",
        "Intervisie Sint-Jozef: wanneer kan je?", "Stemmen", "nog niemand", "0 van 3 hebben gestemd.")]
    [InlineData(Language.English, "Intervisie Sint-Jozef: 4 times proposed to Nestor Wilke, Alex Wilber, Diego Siciliani. Voting is open until Thursday 5 March, 10:00;",
        "Intervisie Sint-Jozef: when can you make it?", "Vote", "nobody yet", "0 of 3 have voted.")]
    public async Task The_coach_the_coach_proposes_and_every_participant_gets_a_vote_card_in_their_language(
        Language language, string report, string title, string button, string nobody, string count)
    {
        var world = await StartAsync();
        await using var app = world.App;
        await SetLanguageAsync(world, language);

        var answer = await world.PlanAsync(language);

        answer.ShouldStartWith(report);
        foreach (var participant in new[] { Nestor, Alex, Diego })
        {
            var card = await world.CardWithAsync(participant, title);
            card.ShouldContain($"\"title\":\"{button}\"");
            card.ShouldContain(nobody);
            card.ShouldContain(count);
            card.ShouldContain($"\"verb\":\"{IntervisionVerbs.Vote}\"");
        }
        await world.SettleAsync();
        world.CardsOf(Megan).ShouldBeEmpty();
        (await world.SlotIdsAsync()).Count.ShouldBe(4);
        world.Calendar.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_a_vote_every_participants_card_shows_the_new_tally_in_place()
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        await world.CardWithAsync(Nestor, "0 van 3 hebben gestemd.");

        await world.VoteAsync(Alex, proposal.Id, slots, [slots[0], slots[1]]);
        var diegoAnswer = CardJson(await world.VoteAsync(Diego, proposal.Id, slots, [slots[1]]));

        diegoAnswer.ShouldContain("✓ Alex, Diego");
        diegoAnswer.ShouldContain("2 van 3 hebben gestemd.");
        diegoAnswer.ShouldContain("Je stem is opgeslagen");
        foreach (var participant in new[] { Nestor, Alex, Diego })
        {
            var card = await world.CardWithAsync(participant, "2 van 3 hebben gestemd.");
            card.ShouldContain("✓ Alex, Diego");
            card.ShouldContain("✓ Alex\"");
            // One card per participant, updated in place: no second card in the chat.
            world.CardsOf(participant).Count(c => c.Contains("wanneer kan je?", StringComparison.Ordinal)).ShouldBe(1);
        }
        var refresh = Json(diegoAnswer).GetProperty("refresh");
        refresh.GetProperty("action").GetProperty("verb").GetString().ShouldBe(IntervisionVerbs.Refresh);
        refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()).ShouldBe([Nestor.Id, Alex.Id, Diego.Id], ignoreOrder: true);
        var votes = await app.QueryAsync(db => db.Set<IntervisionVote>().CountAsync());
        votes.ShouldBe(3);
    }

    [Fact]
    public async Task Changing_a_vote_replaces_the_earlier_ticks_and_a_refresh_shows_each_their_own()
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();

        await world.VoteAsync(Alex, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Alex, proposal.Id, slots, [slots[2]]);
        var refreshed = CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Refresh, new { proposalId = proposal.Id }, "vote-card", Alex)));

        var toggles = Json(refreshed).GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("items", out _)).Select(e => e.GetProperty("items")[0].GetProperty("value").GetString()).ToList();
        toggles.ShouldBe(["false", "false", "true", "false"]);
        var votes = await app.QueryAsync(db => db.Set<IntervisionVote>().Select(v => v.SlotId).ToListAsync());
        votes.ShouldBe([slots[2]]);
        MessageText(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Refresh, new { proposalId = proposal.Id }, "vote-card", Megan)))
            .ShouldBe("Dat intervisievoorstel ken ik niet, of het is niet aan jou. Er is niets gewijzigd.");
    }

    [Fact]
    public async Task When_everyone_has_voted_the_best_slot_goes_to_the_coach_the_coach_and_a_tie_takes_the_earliest()
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();

        await world.VoteAsync(Alex, proposal.Id, slots, [slots[1], slots[2]]);
        await world.VoteAsync(Diego, proposal.Id, slots, [slots[2], slots[1]]);
        var last = CardJson(await world.VoteAsync(Nestor, proposal.Id, slots, []));

        last.ShouldContain("De stemming is gesloten. Nestor Wilke bevestigt het moment.");
        last.ShouldNotContain(IntervisionVerbs.Vote + "\"");
        var closed = await world.ProposalAsync();
        closed.State.ShouldBe(ProposalState.AwaitingConfirmation);
        closed.ChosenSlotId.ShouldBe(slots[1]);
        var confirm = await world.CardWithAsync(Nestor, "bevestig het moment");
        confirm.ShouldContain("Iedereen heeft gestemd.");
        confirm.ShouldContain($"\"value\":\"{slots[1]}\"");
        confirm.ShouldContain("2 stemmen: Alex, Diego");
        confirm.ShouldContain($"\"verb\":\"{IntervisionVerbs.Confirm}\"");
        (await world.CardWithAsync(Alex, "De stemming is gesloten.")).ShouldNotContain("\"type\":\"Input.Toggle\"");
        world.CardsOf(Alex).ShouldNotContain(c => c.Contains("bevestig het moment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_deadline_closes_the_vote_and_a_late_vote_changes_nothing()
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        await world.VoteAsync(Alex, proposal.Id, slots, [slots[3]]);
        // Three school days: Monday 10:00 → Thursday 10:00.
        proposal.VoteClosesAt.ShouldBe(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));

        await world.SettleAsync();
        app.Clock.SetUtcNow(proposal.VoteClosesAt.AddMinutes(-1));
        await world.RunSweepAsync();
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.Voting);
        app.Clock.SetUtcNow(proposal.VoteClosesAt);
        await world.RunSweepAsync();
        await world.RunSweepAsync();

        var closed = await world.ProposalAsync();
        (closed.State, closed.ChosenSlotId).ShouldBe((ProposalState.AwaitingConfirmation, slots[3]));
        (await world.CardWithAsync(Nestor, "bevestig het moment")).ShouldContain("De stemtermijn is voorbij.");
        await world.SettleAsync();
        world.CardsOf(Nestor).Count(c => c.Contains("bevestig het moment", StringComparison.Ordinal)).ShouldBe(1);
        MessageText(await world.VoteAsync(Diego, proposal.Id, slots, [slots[0]])).ShouldBe("De stemming is al gesloten. Er is niets gewijzigd.");
        (await app.QueryAsync(db => db.Set<IntervisionVote>().Select(v => v.PersonId).ToListAsync())).ShouldBe([world.Id(Alex)]);
    }

    [Theory]
    [InlineData(Language.Dutch, "Dat intervisievoorstel ken ik niet, of het is niet aan jou. Er is niets gewijzigd.",
        "Op deze kaart staat een moment dat niet bij dit voorstel hoort. Er is niets gewijzigd.", "Dat intervisievoorstel ken ik niet, of het is niet aan jou. Er is niets gewijzigd.")]
    [InlineData(Language.English, "I don't know that intervision proposal, or it isn't yours. Nothing was changed.",
        "This card names a time that does not belong to this proposal. Nothing was changed.", "I don't know that intervision proposal, or it isn't yours. Nothing was changed.")]
    public async Task Forged_votes_are_refused_politely_and_change_nothing(Language language, string notParticipant, string unknownSlot, string unknownProposal)
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        var foreign = await ForeignProposalAsync(app);

        var outsider = await world.VoteAsync(Megan, proposal.Id, slots, [slots[0]], language);
        var strangeSlot = await world.VoteAsync(Alex, proposal.Id, [.. slots, foreign.SlotId], [foreign.SlotId], language);
        var oddValue = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Vote,
            new Dictionary<string, object> { ["proposalId"] = proposal.Id, [VoteCard.InputId(slots[0])] = "maybe" }, "vote-card", Alex, Locale(language)));
        var otherTenant = await world.VoteAsync(Alex, foreign.ProposalId, [foreign.SlotId], [foreign.SlotId], language);
        var missing = await world.VoteAsync(Alex, proposal.Id + 1000, slots, [slots[0]], language);
        var confirmEarly = await world.ConfirmAsync(proposal.Id, slots[0]);

        MessageText(outsider).ShouldBe(notParticipant);
        MessageText(strangeSlot).ShouldBe(unknownSlot);
        MessageText(oddValue).ShouldBe(unknownSlot);
        MessageText(otherTenant).ShouldBe(unknownProposal);
        MessageText(missing).ShouldBe(unknownProposal);
        MessageText(confirmEarly).ShouldBe("Dit voorstel wacht niet (meer) op bevestiging. Er is niets gewijzigd.");
        (await app.QueryAsync(db => db.Set<IntervisionVote>().CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<IntervisionParticipant>().CountAsync(p => p.VotedAt != null))).ShouldBe(0);
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.Voting);
    }

    internal static async Task SetLanguageAsync(IntervisionWorld world, Language language) =>
        await world.App.QueryAsync(async db =>
        {
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true));
            return 0;
        });

    /// <summary>A group, proposal and slot of another tenant, which no one here may touch.</summary>
    private static Task<(long ProposalId, long SlotId)> ForeignProposalAsync(BotApplication app) =>
        app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var person = new CommunityBot.People.Person { TenantId = "other-tenant", DisplayName = "Olga Other", Email = "olga@other.test", FirstSeenAt = now };
            db.People.Add(person);
            await db.SaveChangesAsync();
            var group = new IntervisionGroup { TenantId = "other-tenant", Name = "Elders", CoachTheCoachId = person.Id, CreatedAt = now };
            db.Set<IntervisionGroup>().Add(group);
            await db.SaveChangesAsync();
            var proposal = new IntervisionProposal { GroupId = group.Id, OrganizerId = person.Id, OrganizerEmail = person.Email, CreatedAt = now, VoteClosesAt = now.AddDays(3) };
            proposal.Slots.Add(new IntervisionSlot { StartsAt = now.AddDays(20), EndsAt = now.AddDays(20).AddMinutes(90) });
            proposal.Participants.Add(new IntervisionParticipant { PersonId = person.Id });
            db.Set<IntervisionProposal>().Add(proposal);
            await db.SaveChangesAsync();
            return (proposal.Id, proposal.Slots[0].Id);
        });
}
