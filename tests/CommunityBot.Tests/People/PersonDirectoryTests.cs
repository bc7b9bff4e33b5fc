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
}
