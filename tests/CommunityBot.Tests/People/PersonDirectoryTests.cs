using CommunityBot.People;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.People;

public sealed class PersonDirectoryTests
{
    private static readonly ChannelAccount TeacherInTeams = new()
    {
        Id = TeamsActivities.Teacher.Id,
        AadObjectId = TeamsActivities.Teacher.AadObjectId,
        Name = TeamsActivities.Teacher.Name,
        Email = "Leen.Peeters@school.be",
    };

    [Fact]
    public async Task Someone_imported_by_email_who_writes_to_the_bot_becomes_that_person_not_a_second_one()
    {
        await using var app = await BotApplication.StartAsync();
        await app.QueryAsync(async db =>
        {
            db.People.Add(new Person { TenantId = TeamsActivities.TenantId, Email = "leen.peeters@school.be", DisplayName = "Leen P." });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(TeamsActivities.PersonalChatOf(TeamsActivities.Teacher), [TeacherInTeams]);

        await app.PostAsync(app.Teams.Message("help"));

        var person = await app.QueryAsync(db => db.People.SingleAsync());
        person.Email.ShouldBe("leen.peeters@school.be");
        person.TeamsUserId.ShouldBe(TeamsActivities.Teacher.Id);
        person.AadObjectId.ShouldBe(TeamsActivities.Teacher.AadObjectId);
    }

    [Fact]
    public async Task Without_people_imported_by_email_a_newcomer_costs_no_call_to_Teams()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.Message("help"));

        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(1);
        app.Connector.Requests.ShouldNotContain(r => r.Operation == FakeConnectorOperation.GetMember);
    }

    [Fact]
    public async Task On_first_contact_the_Entra_object_id_wins_over_an_e_mail_and_costs_no_call_to_Teams()
    {
        await using var app = await BotApplication.StartAsync();
        await app.QueryAsync(async db =>
        {
            db.People.Add(new Person { TenantId = TeamsActivities.TenantId, Email = "leen.peeters@school.be", DisplayName = "by e-mail" });
            db.People.Add(new Person { TenantId = TeamsActivities.TenantId, AadObjectId = TeamsActivities.Teacher.AadObjectId, DisplayName = "by Entra id" });
            return await db.SaveChangesAsync();
        });
        app.Connector.SetRoster(TeamsActivities.PersonalChatOf(TeamsActivities.Teacher), [TeacherInTeams]);

        await app.PostAsync(app.Teams.Message("help"));

        (await app.QueryAsync(db => db.People.SingleAsync(p => p.TeamsUserId == TeamsActivities.Teacher.Id))).DisplayName.ShouldBe("by Entra id");
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(2);
        app.Connector.Requests.ShouldNotContain(r => r.Operation == FakeConnectorOperation.GetMember);
    }

    [Fact]
    public async Task The_same_Teams_user_id_in_another_tenant_is_another_person()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.Message("help"));

        await app.PostAsync(CommunityBot.Tests.Conversations.TenantScopingTests.FromTenant(app.Teams.Message("help"), "other-tenant"));

        (await app.QueryAsync(db => db.People.Select(p => p.TenantId).OrderBy(t => t).ToListAsync())).ShouldBe([TeamsActivities.TenantId, "other-tenant"]);
    }

    [Fact]
    public async Task Someone_known_twice_by_Entra_id_and_by_Teams_id_is_answered_as_the_Entra_one_and_neither_row_changes_hands()
    {
        await using var app = await BotApplication.StartAsync();
        await app.QueryAsync(async db =>
        {
            db.People.Add(new Person { TenantId = TeamsActivities.TenantId, TeamsUserId = TeamsActivities.Teacher.Id, DisplayName = "by Teams id" });
            db.People.Add(new Person { TenantId = TeamsActivities.TenantId, AadObjectId = TeamsActivities.Teacher.AadObjectId, DisplayName = "by Entra id" });
            return await db.SaveChangesAsync();
        });

        var response = await app.PostAsync(app.Teams.Message("help"));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10));
        var people = await app.QueryAsync(db => db.People.OrderBy(p => p.Id).ToListAsync());
        people.Select(p => (p.DisplayName, p.TeamsUserId, p.AadObjectId)).ShouldBe(
        [
            ("by Teams id", TeamsActivities.Teacher.Id, null),
            ("by Entra id", null, TeamsActivities.Teacher.AadObjectId),
        ]);
    }
}
