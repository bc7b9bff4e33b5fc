using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Demo;
using CommunityBot.Sessions;
using CommunityBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Demo;

public sealed class DemoTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_fresh_development_start_seeds_the_demo_community_with_roles_past_sessions_and_the_next_two()
    {
        await using var app = await BotApplication.StartAsync(s => s["Demo:Enabled"] = "true");

        var community = await app.QueryAsync(db => db.Communities.Include(c => c.Memberships).ThenInclude(m => m.Person).SingleAsync());
        community.Name.ShouldBe(DemoCommunity.Name);
        community.TeamId.ShouldBe(DemoCommunity.TeamId);
        community.Memberships.Select(m => (m.Person.TeamsUserId, m.Role)).OrderBy(x => x.TeamsUserId).ShouldBe(
        [
            ("user-id-0", CommunityRole.Coach),
            ("user-id-1", CommunityRole.Member),
            ("user-id-2", CommunityRole.Member),
            ("user-id-3", CommunityRole.Member),
            ("user-id-4", CommunityRole.Member),
            ("user-id-5", CommunityRole.Leader),
        ]);
        var sessions = await app.QueryAsync(db => db.Sessions.Include(s => s.Attendance).OrderBy(s => s.StartsAt).ToListAsync());
        // The last held session has attendance (one of the four teachers absent); nobody recorded the first.
        sessions.Where(s => s.Status == SessionStatus.Held).Select(s => (s.Attendance.Count, s.Attendance.Count(a => a.Present))).ShouldBe([(0, 0), (4, 3)]);
        var planned = sessions.Where(s => s.Status == SessionStatus.Planned).Select(s => s.StartsAt).ToList();
        // Monday 2 March 2026 + 10 days = Thursday 12 March, 15:30 in Brussels (CET); six weeks later Thursday 23 April
        // (CEST), where the close-the-loop card of 12 March can carry agreements over to.
        planned.ShouldBe([new DateTimeOffset(2026, 3, 12, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 23, 13, 30, 0, TimeSpan.Zero)]);
    }

    [Fact]
    public async Task Act_as_lets_a_developer_play_a_member_and_every_answer_says_so()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));
        var communityId = await app.QueryAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        var plan = new { communityId, save = true, date = "2026-03-17", time = "15:30", location = "Lokaal 12" };

        await app.PostAsync(app.Teams.Message("act as tom", Teacher));
        var refused = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, plan, "card-1", Teacher));
        await app.PostAsync(app.Teams.Message("act as me", Teacher));
        var planned = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, plan, "card-1", Teacher));

        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(Teacher)).Count >= 2, Timeout);
        app.Connector.ActivitiesIn(PersonalChatOf(Teacher)).Values.Select(a => a.Text).ShouldBe(
        [
            "Je handelt nu als Tom Claes: wat je typt of aanklikt, doe je als Tom Claes. Typ 'act as me' om weer jezelf te zijn.",
            "(als Tom Claes) Je bent weer jezelf.",
        ], ignoreOrder: true);
        Sessions.SessionTests.MessageOf(refused).ShouldStartWith("(als Tom Claes) Alleen de coach");
        Sessions.SessionTests.CardJson(planned).ShouldContain("Sessie gepland");
        (await app.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_card_answered_while_acting_as_someone_else_names_them_first()
    {
        await using var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));
        await app.PostAsync(app.Teams.Message("act as tom", Teacher));

        var help = await app.InvokeAsync(app.Teams.Execute(BotVerbs.ShowHelp, new CardRef(BotCards.WelcomeCardName, InTeam: false), "card-1", Teacher));

        var firstLine = help.Value!.Value.GetProperty("body")[0];
        firstLine.GetProperty("type").GetString().ShouldBe("TextBlock");
        firstLine.GetProperty("text").GetString().ShouldBe("(als Tom Claes)");
        help.Value!.Value.GetRawText().ShouldContain("Wat ik voor je kan doen");
    }

    [Fact]
    public async Task Act_as_does_not_exist_outside_development()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["environment"] = "Production";
            s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
        });

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetServices<IBotCommand>().ShouldNotContain(c => c is ActAsCommand);
        scope.ServiceProvider.GetServices<ITurnMiddleware>().ShouldNotContain(m => m is ActAsMiddleware);
        scope.ServiceProvider.GetServices<IBotCommand>().ShouldContain(c => c is NextSessionCommand);
    }

    [Fact]
    public async Task Development_aids_are_absent_in_Development_when_the_bot_is_wired_to_real_Teams()
    {
        await using var app = await BotApplication.StartAsync(s => s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1");

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetServices<IBotCommand>().ShouldNotContain(c => c is ActAsCommand || c is AdvanceClockCommand || c is RunRemindersNowCommand);
        scope.ServiceProvider.GetRequiredService<TimeProvider>().ShouldNotBeOfType<DemoClock>();
    }
}
