using CommunityBot.CheckIns;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.CheckIns.CheckInWorld;

namespace CommunityBot.Tests.CheckIns;

/// <summary>The one component results leave through: the k rule, reverse scoring, comments and a member who leaves.</summary>
public sealed class AggregatorTests
{
    private static Task<CheckInResult?> ResultAsync(BotApplication app, long checkInId, CheckInAudience audience = CheckInAudience.Coach) =>
        WithAsync(app, sp => sp.GetRequiredService<CheckInAggregator>().ForCheckInAsync(checkInId, audience, CancellationToken.None));

    /// <summary>Megan, Adele and Tom answer (scores 4, 2 and 5 on every condition after reverse scoring); the round then closes.</summary>
    private static async Task<long> ThreeAnswersAsync(BotApplication app, AgreementWorld world, bool close = true)
    {
        var checkIn = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4, "Meer tijd om samen te ontwerpen"), Megan);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 2, "Ik durf niet alles te zeggen"), Adele);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 5), Tom);
        if (close)
        {
            app.Clock.Advance(new CheckInsOptions().Window);
        }
        return checkIn;
    }

    [Fact]
    public async Task With_one_answer_fewer_than_k_only_not_enough_answers_comes_out()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        var checkIn = await ThreeAnswersAsync(app, world);

        var result = await ResultAsync(app, checkIn);

        // k is 4 by default; three answers release nothing, not even their number.
        result.ShouldBeOfType<NotEnoughAnswers>();
        typeof(NotEnoughAnswers).GetProperties().Select(p => p.Name).ShouldBe(["CheckInId", "OpensAt", "ClosesAt"], ignoreOrder: true);
        (await ResultAsync(app, checkIn, CheckInAudience.Leader)).ShouldBeOfType<NotEnoughAnswers>();
    }

    [Fact]
    public async Task With_k_answers_the_means_apply_reverse_scoring_and_the_distribution_and_rate_are_released()
    {
        var (app, world) = await CreateAsync(minimumResponses: 3);
        await using var _ = app;
        var checkIn = await ThreeAnswersAsync(app, world);

        var result = (await ResultAsync(app, checkIn)).ShouldBeOfType<CheckInAggregate>();

        result.Responses.ShouldBe(3);
        result.ResponseRate.ShouldBe(1.0);
        result.Conditions.Select(c => c.Condition).ShouldBe(Enum.GetValues<CheckInCondition>());
        // Every member answered the reverse items turned around: only with reverse scoring is every mean (4+2+5)/3.
        result.Conditions.ShouldAllBe(c => Math.Abs(c.Mean - 11.0 / 3) < 1e-9);
        var safety = result.Conditions.Single(c => c.Condition == CheckInCondition.PsychologicalSafety);
        safety.Distribution.ShouldBe([0, 2, 0, 2, 2]);
        result.Comments.ShouldBe(["Meer tijd om samen te ontwerpen", "Ik durf niet alles te zeggen"], ignoreOrder: true);
        var leader = (await ResultAsync(app, checkIn, CheckInAudience.Leader)).ShouldBeOfType<CheckInAggregate>();
        leader.Comments.ShouldBeEmpty();
        leader.Conditions.Select(c => c.Mean).ShouldBe(result.Conditions.Select(c => c.Mean));
        leader.Conditions.Single(c => c.Condition == CheckInCondition.PsychologicalSafety).Distribution.ShouldBe([0, 2, 0, 2, 2]);
    }

    [Fact]
    public async Task Nothing_is_released_while_the_round_is_open_even_with_k_answers()
    {
        var (app, world) = await CreateAsync(minimumResponses: 3);
        await using var _ = app;
        var checkIn = await ThreeAnswersAsync(app, world, close: false);

        (await ResultAsync(app, checkIn)).ShouldBeOfType<StillOpen>();
        app.Clock.Advance(new CheckInsOptions().Window);
        (await ResultAsync(app, checkIn)).ShouldBeOfType<CheckInAggregate>();
    }

    [Fact]
    public async Task A_member_who_leaves_after_answering_stays_counted_and_the_rate_keeps_the_members_at_opening()
    {
        var (app, world) = await CreateAsync(minimumResponses: 3);
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4), Megan);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 2), Adele);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 5), Tom);
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(Tom)).ExecuteUpdateAsync(set => set.SetProperty(m => m.LeftAt, app.Clock.GetUtcNow())));
        app.Clock.Advance(new CheckInsOptions().Window);

        var result = (await ResultAsync(app, checkIn)).ShouldBeOfType<CheckInAggregate>();

        result.Responses.ShouldBe(3);
        result.ResponseRate.ShouldBe(1.0);
        (await app.QueryAsync(db => db.CheckIns.SingleAsync(c => c.Id == checkIn))).InvitedCount.ShouldBe(3);
    }

    [Fact]
    public async Task The_query_for_the_digests_returns_each_round_of_the_period_with_the_k_rule_applied()
    {
        var (app, world) = await CreateAsync(minimumResponses: 3);
        await using var _ = app;
        var from = app.Clock.GetUtcNow();
        var full = await ThreeAnswersAsync(app, world);
        var thin = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, thin, world.CommunityId, 3), Megan);
        await AnswerAsync(app, Form(app, thin, world.CommunityId, 3), Adele);
        app.Clock.Advance(new CheckInsOptions().Window);
        var later = await OpenAsync(app, world.CommunityId);

        var results = await WithAsync(app, sp => sp.GetRequiredService<CheckInAggregator>()
            .ForCommunityAsync(world.CommunityId, from, app.Clock.GetUtcNow(), CheckInAudience.Leader, CancellationToken.None));

        results.Select(r => r.CheckInId).ShouldBe([full, thin]);
        results[0].ShouldBeOfType<CheckInAggregate>().Comments.ShouldBeEmpty();
        results[1].ShouldBeOfType<NotEnoughAnswers>();
        later.ShouldBeGreaterThan(thin);
    }
}
