using System.Text.Json;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Sessions.SessionListTests;
using static CommunityBot.Tests.Sessions.SessionTests;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Sessions;

/// <summary>Dates on cards carry the year only when it is not the current one, read off the host's clock.</summary>
public sealed class SessionYearTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Thursday 10 December 2026, 10:00 in Brussels.</summary>
    private static readonly DateTimeOffset December = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_session_next_January_seen_in_December_shows_its_year_and_one_this_December_does_not()
    {
        await using var app = await BotApplication.StartAsync(start: December);
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));
        await app.Connector.WaitForActivitiesAsync(1, Timeout);
        var communityId = await app.QueryAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, new { communityId, save = true, date = "2027-01-11", time = "16:00", location = "Lokaal 12" }, "card-plan"));
        var january = await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync());

        await app.PostAsync(app.Teams.Message("ik kan niet komen", Colleague, "nl-BE"));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(Colleague)).Count >= 1, Timeout);
        var regrets = Texts(JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(Colleague)).Values.Single())).RootElement);
        regrets.ShouldContain("Wiskunde 1e graad: sessie van maandag 11 januari 2027, 16:00");

        var question = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId = january }, "card-plan"));
        CardJson(question).ShouldContain("Sessie van maandag 11 januari 2027 afgelasten?");

        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, new { communityId, save = true, date = "2026-12-17", time = "15:30", location = "Lokaal 12" }, "card-plan"));
        var december = await app.QueryAsync(db => db.Sessions.Where(s => s.Id != january).Select(s => s.Id).SingleAsync());
        var thisYear = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId = december }, "card-plan"));
        CardJson(thisYear).ShouldContain("Sessie van donderdag 17 december afgelasten?");
    }
}
