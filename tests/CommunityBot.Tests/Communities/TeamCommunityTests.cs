using CommunityBot.Communities;
using CommunityBot.Tests.Conversations;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Communities;

public sealed class TeamCommunityTests
{
    [Fact]
    public async Task Installing_in_a_team_creates_the_community_with_the_roster_as_members_and_the_installer_as_coach()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague), OnRoster(Third)]);

        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        var community = await app.QueryAsync(db => db.Communities.Include(c => c.Memberships).ThenInclude(m => m.Person).SingleAsync());
        community.Name.ShouldBe(TeamName);
        community.TenantId.ShouldBe(TenantId);
        community.TeamId.ShouldBe(TeamId);
        community.ChannelConversationId.ShouldNotBeNull();
        community.Memberships.Select(m => (m.Person.DisplayName, m.Role)).OrderBy(x => x.DisplayName).ShouldBe(
        [
            ("Leen Peeters", CommunityRole.Coach),
            ("Sara Janssens", CommunityRole.Member),
            ("Tom Claes", CommunityRole.Member),
        ]);
        community.Memberships.Single(m => m.Person.AadObjectId == Colleague.AadObjectId).Person.Email.ShouldBe("aad-teacher-2@school.be");
    }

    [Fact]
    public async Task A_redelivered_or_repeated_install_changes_nothing()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        var install = app.Teams.InstallInTeam(Teacher);

        await app.PostAsync(install);
        await app.PostAsync(install);
        await app.PostAsync(app.Teams.InstallInTeam(Colleague));

        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(1);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(2);
        var roles = await app.QueryAsync(db => db.Memberships.Select(m => m.Role).ToListAsync());
        roles.Count.ShouldBe(2);
        roles.Count(r => r == CommunityRole.Coach).ShouldBe(1);
    }

    [Fact]
    public async Task The_installer_stays_a_member_when_an_admin_switched_installer_coaching_off()
    {
        await using var app = await BotApplication.StartAsync(s => s["Communities:InstallerBecomesCoach"] = "false");
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher)]);

        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        (await app.QueryAsync(db => db.Memberships.SingleAsync())).Role.ShouldBe(CommunityRole.Member);
    }

    [Fact]
    public async Task Installing_links_an_imported_community_of_the_same_name_and_matches_imported_people_by_email()
    {
        await using var app = await BotApplication.StartAsync();
        await app.QueryAsync(async db =>
        {
            var imported = new Community { TenantId = TenantId, Name = TeamName, Theme = "Rekenen" };
            var coach = new CommunityBot.People.Person { TenantId = TenantId, AadObjectId = Teacher.AadObjectId, DisplayName = "Leen P." };
            db.Memberships.Add(new Membership { Community = imported, Person = coach, Role = CommunityRole.Coach });
            db.People.Add(new CommunityBot.People.Person { TenantId = TenantId, Email = "aad-teacher-2@school.be", DisplayName = "Tom C." });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);

        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        var community = await app.QueryAsync(db => db.Communities.SingleAsync());
        community.TeamId.ShouldBe(TeamId);
        community.Theme.ShouldBe("Rekenen");
        var tom = await app.QueryAsync(db => db.People.SingleAsync(p => p.Email == "aad-teacher-2@school.be"));
        tom.TeamsUserId.ShouldBe(Colleague.Id);
        tom.AadObjectId.ShouldBe(Colleague.AadObjectId);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task A_team_named_after_an_imported_community_does_not_take_it_over_when_the_installer_does_not_run_it()
    {
        await using var app = await BotApplication.StartAsync();
        await app.QueryAsync(async db =>
        {
            db.Communities.Add(new Community { TenantId = TenantId, Name = TeamName, Theme = "Rekenen" });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher)]);

        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        var communities = await app.QueryAsync(db => db.Communities.OrderBy(c => c.Id).ToListAsync());
        communities.Count.ShouldBe(2);
        communities[0].TeamId.ShouldBeNull();
        communities[1].TeamId.ShouldBe(TeamId);
        communities[1].Name.ShouldBe($"{TeamName} (2)");
    }

    [Fact]
    public async Task People_added_to_the_team_join_and_people_removed_leave_the_community()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague), OnRoster(Third)]);
        await app.PostAsync(app.Teams.MembersAddedToTeam(Third));
        await app.PostAsync(app.Teams.MembersRemovedFromTeam(Colleague));

        var memberships = await app.QueryAsync(db => db.Memberships.Include(m => m.Person).ToListAsync());
        memberships.Single(m => m.Person.AadObjectId == Third.AadObjectId).ShouldSatisfyAllConditions(
            m => m.Role.ShouldBe(CommunityRole.Member),
            m => m.LeftAt.ShouldBeNull(),
            m => m.Person.Email.ShouldBe("aad-teacher-3@school.be"));
        memberships.Single(m => m.Person.AadObjectId == Colleague.AadObjectId).LeftAt.ShouldBe(app.Clock.GetUtcNow());

        await app.PostAsync(app.Teams.MembersAddedToTeam(Colleague));
        (await app.QueryAsync(db => db.Memberships.Include(m => m.Person).SingleAsync(m => m.Person.AadObjectId == Colleague.AadObjectId)))
            .LeftAt.ShouldBeNull();
    }

    [Fact]
    public async Task An_install_from_another_tenant_with_the_same_team_id_gets_its_own_community_and_leaves_this_one_alone()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));
        var ours = await app.QueryAsync(db => db.Communities.AsNoTracking().SingleAsync());

        app.Connector.SetRoster(TeamId, [OnRoster(Third)]);
        await app.PostAsync(TenantScopingTests.FromTenant(app.Teams.InstallInTeam(Third), TenantScopingTests.OtherTenant));

        var communities = await app.QueryAsync(db => db.Communities.AsNoTracking().Include(c => c.Memberships).ThenInclude(m => m.Person).ToListAsync());
        var unchanged = communities.Single(c => c.Id == ours.Id);
        unchanged.ChannelConversationId.ShouldBe(ours.ChannelConversationId);
        unchanged.Memberships.Select(m => m.Person.AadObjectId).Order().ShouldBe([Teacher.AadObjectId, Colleague.AadObjectId]);
        unchanged.Memberships.ShouldAllBe(m => m.LeftAt == null);
        var theirs = communities.Single(c => c.TenantId == TenantScopingTests.OtherTenant);
        theirs.TeamId.ShouldBe(TeamId);
        theirs.ChannelConversationId.ShouldNotBe(ours.ChannelConversationId);
        theirs.Memberships.ShouldHaveSingleItem().Person.TenantId.ShouldBe(TenantScopingTests.OtherTenant);
    }

    [Fact]
    public async Task People_removed_from_another_tenants_team_of_the_same_id_stay_in_this_community()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        await app.PostAsync(TenantScopingTests.FromTenant(app.Teams.MembersRemovedFromTeam(Colleague), TenantScopingTests.OtherTenant));

        (await app.QueryAsync(db => db.Memberships.ToListAsync())).ShouldAllBe(m => m.LeftAt == null);
    }

    [Fact]
    public async Task A_roster_entry_is_matched_by_Entra_object_id_before_e_mail()
    {
        await using var app = await BotApplication.StartAsync();
        await app.QueryAsync(async db =>
        {
            db.People.Add(new CommunityBot.People.Person { TenantId = TenantId, AadObjectId = Colleague.AadObjectId, DisplayName = "by Entra id" });
            db.People.Add(new CommunityBot.People.Person { TenantId = TenantId, Email = OnRoster(Colleague).Email, DisplayName = "by e-mail" });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);

        await app.PostAsync(app.Teams.InstallInTeam(Teacher));

        var members = await app.QueryAsync(db => db.Memberships.Select(m => m.Person.DisplayName).ToListAsync());
        members.ShouldContain("by Entra id");
        members.ShouldNotContain("by e-mail");
    }
}
