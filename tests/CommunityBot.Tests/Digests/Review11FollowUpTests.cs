using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Tests.Agreements;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestContentWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>Review 11, the content side: unknown instruments, agreements done by an edit, texts, intervision groups.</summary>
public sealed class Review11FollowUpTests
{
    [Fact]
    public async Task A_released_round_of_an_instrument_this_build_does_not_ship_is_not_available_and_the_digest_still_comes()
    {
        var world = await StartAsync(minimumResponses: 3);
        await using var app = world.App;
        var c = await world.CommunityAsync("Wiskunde");
        var round = await world.RoundAsync(c.Id, DaysBefore(20), [All(4), All(4), All(3)]);
        await app.QueryAsync(db => db.CheckIns.Where(r => r.Id == round).ExecuteUpdateAsync(set => set.SetProperty(r => r.InstrumentVersion, 99)));

        var section = (await world.ContentAsync())[c.Id];

        section.CheckIns.ShouldHaveSingleItem().ShouldBeOfType<NotAvailable>();
        var card = DigestCards.Detail(DigestSamples.For(DigestAudience.Leader, Language.Dutch, section), section).ToJson();
        card.ShouldContain("niet beschikbaar");
    }

    [Fact]
    public async Task An_agreement_done_because_its_last_owner_still_to_do_was_removed_counts_as_done_in_that_week()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var c = await world.CommunityAsync("Wiskunde");
        var (m1, m2) = (c.MemberIds[0], c.MemberIds[1]);
        var id = await world.AgreementAsync(c.Id, "rubric", DaysBefore(30), null, (m1, AgreementStatus.Done, DaysBefore(20)), (m2, AgreementStatus.Open, null));
        await app.QueryAsync(async db =>
        {
            await db.Set<AgreementOwner>().Where(o => o.AgreementId == id && o.PersonId == m2).ExecuteDeleteAsync();
            await db.Agreements.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AgreementStatus.Done));
            db.AgreementChanges.Add(new AgreementChange
            {
                AgreementId = id, PersonId = c.CoachId, Kind = AgreementChangeKind.Edited, At = DaysBefore(2), From = AgreementStatus.Open, To = AgreementStatus.Done,
            });
            return await db.SaveChangesAsync();
        });

        (await world.ContentAsync())[c.Id].Agreements.Done.ShouldBe(1);
        var before = new DigestPeriod(Period.Monday.AddDays(-7), Period.From.AddDays(-7), Period.From);
        (await world.ContentAsync(before)).GetValueOrDefault(c.Id)?.Agreements.Done.ShouldBe(0);
    }

    [Fact]
    public async Task A_theme_fell_compares_the_means_as_the_card_shows_them()
    {
        var world = await StartAsync(minimumResponses: 3);
        await using var app = world.App;
        var c = await world.CommunityAsync("Wiskunde");
        await world.RoundAsync(c.Id, DaysBefore(40), [All(4), All(4), All(3), All(3)]); // 3.5
        await world.RoundAsync(c.Id, DaysBefore(12), [All(4), .. Enumerable.Repeat(All(3), 24)], invited: 25); // 3.04, shown 3.0

        var section = (await world.ContentAsync())[c.Id];

        section.NeedsAttention.ShouldContain(a => a.Kind == AttentionKind.ConditionFell);
    }

    [Theory]
    [InlineData(Language.Dutch, "Coaches: Alex Wilber, Diego Siciliani", "Coach: Alex Wilber")]
    [InlineData(Language.English, "Coaches: Alex Wilber, Diego Siciliani", "Coach: Alex Wilber")]
    public void Two_coaches_are_coaches(Language language, string two, string one)
    {
        var both = DigestSamples.Healthy(1) with { Coaches = ["Alex Wilber", "Diego Siciliani"] };
        var alone = DigestSamples.Healthy(1);

        DigestCards.Detail(DigestSamples.For(DigestAudience.Leader, language, both), both).ToJson().ShouldContain(two);
        DigestCards.Detail(DigestSamples.For(DigestAudience.Leader, language, alone), alone).ToJson().ShouldContain(one);
    }

    [Fact]
    public async Task A_coach_the_coach_follows_the_communities_of_the_coaches_in_their_intervision_group_counts_only()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await DigestWorld.CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            var group = new IntervisionGroup { TenantId = TeamsActivities.TenantId, Name = "Intervisie", CoachTheCoachId = world.Id(DigestWorld.Nestor), CreatedAt = app.Clock.GetUtcNow() };
            group.Members.Add(new IntervisionGroupMember { PersonId = world.Id(DigestWorld.Diego) });
            db.Add(group);
            return await db.SaveChangesAsync();
        });

        var nestor = (await world.RecipientsAsync()).Single(r => r.PersonId == world.Id(DigestWorld.Nestor));

        nestor.CommunityIds.ShouldContain(world.C(DigestWorld.Nederlands));
        nestor.AudienceOf(world.C(DigestWorld.Nederlands)).ShouldBe(DigestAudience.Leader);
        nestor.CommunityIds.ShouldNotContain(world.C(DigestWorld.Geschiedenis), "Diego only leads that one");
    }

    [Fact]
    public async Task One_tenant_whose_digests_fail_does_not_keep_the_next_tenant_from_theirs_and_is_made_the_next_minute()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults), start: new DateTimeOffset(2026, 3, 22, 12, 0, 0, TimeSpan.Zero));
        var world = await DigestWorld.CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            var leader = new Person { TenantId = "other-tenant", DisplayName = "Other Leader", FirstSeenAt = app.Clock.GetUtcNow() };
            var community = new Community { TenantId = "other-tenant", Name = "Elders", CreatedAt = app.Clock.GetUtcNow() };
            community.Memberships.Add(new Membership { Person = leader, Role = CommunityRole.Leader, JoinedAt = app.Clock.GetUtcNow() });
            db.Communities.Add(community);
            return await db.SaveChangesAsync();
        });
        faults.FailOnce("INSERT INTO \"OutboxMessages\"");

        await world.SweepAtAsync(new DateTimeOffset(2026, 3, 23, 6, 30, 0, TimeSpan.Zero));
        var first = await world.DigestsAsync();
        first.ShouldNotBeEmpty();
        first.Select(m => m.TenantId).Distinct().ShouldHaveSingleItem();
        (await app.QueryAsync(db => db.Set<DigestRun>().CountAsync())).ShouldBe(1);

        await world.SweepAtAsync(new DateTimeOffset(2026, 3, 23, 6, 31, 0, TimeSpan.Zero));
        (await world.DigestsAsync()).Select(m => m.TenantId).Distinct().Count().ShouldBe(2);
    }
}
