using CommunityBot.Delivery;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.Tests.Communities;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

/// <summary>The issue 12 review's follow-up, beyond the reviewer's own tests (<see cref="Review12Tests"/>).</summary>
public sealed class IntervisionFixTests
{
    private static async Task<(long ProposalId, List<long> Slots)> VotedAsync(IntervisionWorld world)
    {
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        foreach (var who in new[] { Alex, Diego, Nestor })
        {
            await world.VoteAsync(who, proposal.Id, slots, [slots[0]]);
        }
        return (proposal.Id, slots);
    }

    [Theory]
    [InlineData(Language.Dutch)]
    [InlineData(Language.English)]
    public async Task Confirming_a_slot_that_starts_within_the_hour_is_refused_and_books_nothing(Language language)
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);
        var slot = (await world.ProposalAsync()).Slots.Single(s => s.Id == slots[0]);
        app.Clock.Advance(slot.StartsAt - app.Clock.GetUtcNow() - TimeSpan.FromMinutes(30));

        var answer = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Confirm,
            new Dictionary<string, object> { ["proposalId"] = proposalId, ["slot"] = slots[0].ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "confirm-card", Nestor, Locale(language)));

        MessageText(answer).ShouldBe(language == Language.English
            ? "That time has passed or starts within the hour: choose another. Nothing was booked."
            : "Dat moment is voorbij of begint binnen het uur: kies een ander. Er is niets geboekt.");
        world.Calendar.CreateCalls.ShouldBe(0);
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.AwaitingConfirmation);
    }

    [Fact]
    public async Task A_group_named_in_other_case_is_updated_not_doubled_and_keeps_its_name()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (status, _) = await ImportTests.ImportAsync(app,
            """{ "intervisionGroups": [{ "name": "INTERVISIE SINT-JOZEF", "coachTheCoach": "nestor.wilke@school.test", "cadenceWeeks": 8 }], "intervisionMembers": [{ "group": "intervisie sint-jozef", "person": "alex.wilber@school.test" }] }""",
            "application/json");

        status.ShouldBe(System.Net.HttpStatusCode.OK);
        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().AsNoTracking().Include(g => g.Members).SingleAsync());
        group.Name.ShouldBe("Intervisie Sint-Jozef");
        group.CadenceWeeks.ShouldBe(8);
    }

    [Fact]
    public async Task A_cancel_that_wins_the_race_with_a_move_leaves_nobody_told_of_the_move()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);
        await world.ConfirmAsync(proposalId, slots[0]);
        world.Calendar.DuringMove = () => app.QueryAsync(db => db.Set<IntervisionProposal>().Where(p => p.Id == proposalId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, ProposalState.Cancelled)));

        var answer = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Move, new { proposalId, date = "2026-03-31", time = "14:00" }, "booked-card", Nestor));

        MessageText(answer).ShouldBe("Deze intervisie is niet (meer) gepland. Er is niets gewijzigd.");
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith("intervision-moved:")))).ShouldBe(0);
    }
}
