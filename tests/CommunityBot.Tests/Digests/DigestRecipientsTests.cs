using CommunityBot.Communities;
using CommunityBot.Digests;
using CommunityBot.People;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>Who gets a digest, of which communities, and with names where: the whole tenant in one pass.</summary>
public sealed class DigestRecipientsTests
{
    private static Dictionary<long, DigestAudience> Sections(IReadOnlyList<DigestRecipient> all, DigestWorld world, Teams.Schema.ChannelAccount who) =>
        all.Single(r => r.PersonId == world.Id(who)).CommunityIds.ToDictionary(id => id, id => all.Single(r => r.PersonId == world.Id(who)).AudienceOf(id));

    [Fact]
    public async Task Leaders_coaches_and_coaches_the_coach_get_one_digest_each_with_each_section_as_their_role_there()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var all = await world.RecipientsAsync();

        all.Select(r => r.Name).Order().ShouldBe(new[] { Alex, Diego, Lotte, Lynne, Nestor, Xena }.Select(a => a.Name!).Order());
        // Lynne: the two she leads; the members of her school are in those same two (Isaiah, who left Frans, does not count).
        Sections(all, world, Lynne).ShouldBe(new Dictionary<long, DigestAudience>
        {
            [world.C(Wiskunde)] = DigestAudience.Leader, [world.C(Nederlands)] = DigestAudience.Leader,
        }, ignoreOrder: true);
        // Lotte leads Geschiedenis, and Adele of her school is a member of Wiskunde.
        Sections(all, world, Lotte).ShouldBe(new Dictionary<long, DigestAudience>
        {
            [world.C(Geschiedenis)] = DigestAudience.Leader, [world.C(Wiskunde)] = DigestAudience.Leader,
        }, ignoreOrder: true);
        Sections(all, world, Alex).ShouldBe(new Dictionary<long, DigestAudience>
        {
            [world.C(Wiskunde)] = DigestAudience.Coach, [world.C(Frans)] = DigestAudience.Coach,
        }, ignoreOrder: true);
        Sections(all, world, Xena).ShouldBe(new Dictionary<long, DigestAudience> { [world.C(Geschiedenis)] = DigestAudience.Coach });
        // Nestor coaches Alex in Wiskunde, so he follows Alex's other community too, without its members' names.
        Sections(all, world, Nestor).ShouldBe(new Dictionary<long, DigestAudience>
        {
            [world.C(Wiskunde)] = DigestAudience.CoachTheCoach, [world.C(Frans)] = DigestAudience.Leader,
        }, ignoreOrder: true);
        // Two roles, one digest: coach of Nederlands, leader of Geschiedenis.
        var diego = all.Single(r => r.PersonId == world.Id(Diego));
        diego.Audience.ShouldBe(DigestAudience.Coach);
        Sections(all, world, Diego).ShouldBe(new Dictionary<long, DigestAudience>
        {
            [world.C(Nederlands)] = DigestAudience.Coach, [world.C(Geschiedenis)] = DigestAudience.Leader,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_section_seen_as_leader_carries_no_names_and_a_coachs_own_section_does()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var period = new DigestPeriod(new DateOnly(2026, 3, 2), app.Clock.GetUtcNow().AddDays(-7), app.Clock.GetUtcNow());

        var digests = await world.WithAsync(sp => sp.GetRequiredService<DigestBuilder>().ForTenantAsync(TeamsActivities.TenantId, period, CancellationToken.None));

        Digest Of(Teams.Schema.ChannelAccount who) => digests.Single(d => d.Recipient.PersonId == world.Id(who));
        Of(Lynne).Communities.ShouldAllBe(c => c.ForCoach == null);
        Of(Lotte).Communities.ShouldAllBe(c => c.ForCoach == null);
        Of(Alex).Communities.ShouldAllBe(c => c.ForCoach != null);
        Of(Diego).Communities.Single(c => c.CommunityId == world.C(Nederlands)).ForCoach.ShouldNotBeNull();
        Of(Diego).Communities.Single(c => c.CommunityId == world.C(Geschiedenis)).ForCoach.ShouldBeNull();
        Of(Nestor).Communities.Single(c => c.CommunityId == world.C(Wiskunde)).ForCoach.ShouldNotBeNull();
        Of(Nestor).Communities.Single(c => c.CommunityId == world.C(Frans)).ForCoach.ShouldBeNull();
    }

    [Fact]
    public async Task A_plain_member_someone_in_no_community_and_someone_who_left_get_none()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(Xena)).ExecuteUpdateAsync(set => set.SetProperty(m => m.LeftAt, app.Clock.GetUtcNow())));

        var all = await world.RecipientsAsync();

        all.ShouldNotContain(r => r.PersonId == world.Id(Megan));
        all.ShouldNotContain(r => r.PersonId == world.Id(Olivia));
        all.ShouldNotContain(r => r.PersonId == world.Id(Xena));
        (await world.WithAsync(sp => sp.GetRequiredService<DigestRecipients>().ForPersonAsync(TeamsActivities.TenantId, world.Id(Megan), CancellationToken.None))).ShouldBeNull();
    }

    [Fact]
    public async Task One_person_is_found_with_the_same_sections_as_in_the_tenant_pass()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var all = await world.RecipientsAsync();

        foreach (var recipient in all)
        {
            var one = await world.WithAsync(sp => sp.GetRequiredService<DigestRecipients>().ForPersonAsync(TeamsActivities.TenantId, recipient.PersonId, CancellationToken.None));
            one.ShouldNotBeNull();
            one.CommunityIds.ShouldBe(recipient.CommunityIds, recipient.Name);
            one.Audiences.ShouldBe(recipient.Audiences, ignoreOrder: true, recipient.Name);
        }
    }

    [Fact]
    public async Task The_tenant_pass_costs_the_same_three_queries_for_four_communities_and_for_forty()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);

        async Task<int> QueriesAsync()
        {
            using (faults.Record())
            {
                await world.RecipientsAsync();
            }
            var count = faults.Commands.Count;
            faults.Commands.Clear();
            return count;
        }

        var small = await QueriesAsync();
        await app.QueryAsync(async db =>
        {
            var lynneSchool = await db.People.Where(p => p.Id == world.Id(Lynne)).Select(p => p.SchoolId).SingleAsync();
            for (var i = 0; i < 36; i++)
            {
                var coach = new Person { TenantId = TeamsActivities.TenantId, DisplayName = $"Coach {i}", FirstSeenAt = app.Clock.GetUtcNow() };
                var member = new Person { TenantId = TeamsActivities.TenantId, DisplayName = $"Member {i}", SchoolId = lynneSchool, FirstSeenAt = app.Clock.GetUtcNow() };
                var community = new Community { TenantId = TeamsActivities.TenantId, Name = $"Gemeenschap {i}", CreatedAt = app.Clock.GetUtcNow() };
                community.Memberships.Add(new Membership { Person = coach, Role = CommunityRole.Coach, JoinedAt = app.Clock.GetUtcNow() });
                community.Memberships.Add(new Membership { Person = member, Role = CommunityRole.Member, JoinedAt = app.Clock.GetUtcNow() });
                db.Communities.Add(community);
            }
            return await db.SaveChangesAsync();
        });
        var large = await QueriesAsync();

        small.ShouldBe(3, "roles, schools' communities, intervision groups");
        large.ShouldBe(small);
        (await world.RecipientsAsync()).Single(r => r.PersonId == world.Id(Lynne)).CommunityIds.Count.ShouldBe(38, "her two and the 36 with a member of her school");
    }
}
