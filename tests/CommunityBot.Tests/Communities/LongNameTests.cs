using System.Net;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Communities;

/// <summary>Teams allows longer team and display names than the columns hold: they are cut, never a 500 (PostgreSQL enforces lengths).</summary>
public sealed class LongNameTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_team_install_with_a_256_character_team_name_and_a_300_character_display_name_succeeds_with_the_names_cut()
    {
        var connectionString = await postgres.DatabaseAsync($"long_names_{Guid.NewGuid():N}");
        await using var app = await BotApplication.StartAsync(settings =>
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = connectionString;
        });
        var installer = new ChannelAccount { Id = Teacher.Id, Name = new string('n', 300), AadObjectId = Teacher.AadObjectId };
        app.Connector.SetRoster(TeamId, [OnRoster(installer)]);
        var install = app.Teams.InstallInTeam(installer);
        install.ChannelData!.Team!.Name = new string('t', 256);

        var response = await app.PostAsync(install);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Communities.SingleAsync())).Name.ShouldBe(new string('t', 200));
        (await app.QueryAsync(db => db.People.SingleAsync())).DisplayName.ShouldBe(new string('n', 256));
    }
}
