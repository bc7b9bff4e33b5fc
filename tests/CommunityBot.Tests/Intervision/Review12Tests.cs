using System.Net;
using CommunityBot.Intervision;
using CommunityBot.Tests.Communities;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

public sealed class Review12Tests
{
    private static async Task<(long ProposalId, List<long> Slots)> VotedAsync(IntervisionWorld world)
    {
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        await world.VoteAsync(Alex, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Diego, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Nestor, proposal.Id, slots, [slots[0]]);
        return (proposal.Id, slots);
    }

    [Fact]
    public async Task Before_the_Christmas_holiday_no_slot_lies_before_the_vote_closes()
    {
        // Friday 18 December 2026, 10:00 in Brussels: the window starts on the first school day after 1 January (4 January),
        // the deadline is three school days later (6 January).
        var world = await StartAsync(start: new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero));
        await using var app = world.App;
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        proposal.Slots.ShouldAllBe(s => s.StartsAt > proposal.VoteClosesAt);
    }

    [Fact]
    public async Task A_slot_that_has_passed_is_not_booked()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);
        var proposal = await world.ProposalAsync();
        app.Clock.Advance(proposal.Slots.Max(s => s.EndsAt) - app.Clock.GetUtcNow() + TimeSpan.FromDays(1));
        await world.ConfirmAsync(proposalId, slots[0]);
        world.Calendar.CreateCalls.ShouldBe(0);
    }

    [Fact]
    public async Task An_intervision_member_row_naming_the_group_in_other_case_is_no_500()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (status, _) = await ImportTests.ImportAsync(app,
            """{ "intervisionMembers": [{ "group": "intervisie sint-jozef", "person": "alex.wilber@school.test" }] }""", "application/json");
        status.ShouldNotBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task A_cadence_changed_by_import_counts_from_the_last_booked_meeting()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);
        await world.ConfirmAsync(proposalId, slots[0]);
        var booked = await world.ProposalAsync();
        booked.State.ShouldBe(ProposalState.Booked);
        var (status, _) = await ImportTests.ImportAsync(app,
            """{ "intervisionGroups": [{ "name": "Intervisie Sint-Jozef", "coachTheCoach": "nestor.wilke@school.test", "cadenceWeeks": 8 }] }""", "application/json");
        status.ShouldBe(HttpStatusCode.OK);
        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().AsNoTracking().SingleAsync());
        group.NextProposalAt.ShouldBe(booked.StartsAt!.Value.AddDays(56));
    }

    [Fact]
    public async Task A_new_coach_the_coach_from_the_import_does_not_keep_an_open_vote_from_closing()
    {
        var world = await StartAsync();
        await using var app = world.App;
        await world.PlanAsync();
        var (status, _) = await ImportTests.ImportAsync(app,
            """{ "intervisionGroups": [{ "name": "Intervisie Sint-Jozef", "coachTheCoach": "megan.bowen@school.test" }] }""", "application/json");
        status.ShouldBe(HttpStatusCode.OK);
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        await world.VoteAsync(Alex, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Diego, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Nestor, proposal.Id, slots, [slots[0]]);
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.AwaitingConfirmation);
    }
}
