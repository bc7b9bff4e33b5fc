using CommunityBot.Delivery;
using CommunityBot.SessionAttendance;
using CommunityBot.Agreements;
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

        var communities = await app.QueryAsync(db => db.Communities.Include(c => c.Memberships).ThenInclude(m => m.Person).OrderBy(c => c.Id).ToListAsync());
        communities.Select(c => c.Name).ShouldBe([DemoCommunity.Name, DemoNeighbours.CommunityName]);
        var community = communities[0];
        community.TeamId.ShouldBe(DemoCommunity.TeamId);
        community.Memberships.Select(m => (m.Person.TeamsUserId, m.Role)).OrderBy(x => x.TeamsUserId).ShouldBe(
        [
            ("demo-user-2", CommunityRole.CoachTheCoach),
            ("user-id-0", CommunityRole.Coach),
            ("user-id-1", CommunityRole.Member),
            ("user-id-2", CommunityRole.Member),
            ("user-id-3", CommunityRole.Member),
            ("user-id-4", CommunityRole.Member),
            ("user-id-5", CommunityRole.Leader),
        ]);
        // Nestor supports both coaches; Lynne leads both groups.
        communities[1].Memberships.Where(m => m.Role != CommunityRole.Member).Select(m => (m.Person.DisplayName, m.Role)).OrderBy(x => x.Role).ShouldBe(
        [
            (DemoNeighbours.CoachName, CommunityRole.Coach),
            (DemoNeighbours.CoachTheCoachName, CommunityRole.CoachTheCoach),
            ("Lynne Robbins", CommunityRole.Leader),
        ]);
        var sessions = await app.QueryAsync(db => db.Sessions.Include(s => s.Attendance).Where(s => s.CommunityId == community.Id).OrderBy(s => s.StartsAt).ToListAsync());
        // The last held session has attendance (one of the four teachers absent); nobody recorded the first.
        sessions.Where(s => s.Status == SessionStatus.Held).Select(s => (s.Attendance.Count, s.Attendance.Count(a => a.Present))).ShouldBe([(0, 0), (4, 3)]);
        var planned = sessions.Where(s => s.Status == SessionStatus.Planned).Select(s => s.StartsAt).ToList();
        // Monday 2 March 2026 + 10 days = Thursday 12 March, 15:30 in Brussels (CET); six weeks later Thursday 23 April
        // (CEST), where the close-the-loop card of 12 March can carry agreements over to.
        planned.ShouldBe([new DateTimeOffset(2026, 3, 12, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 23, 13, 30, 0, TimeSpan.Zero)]);
    }

    /// <summary>
    /// The README's whole cycle on the seeded demo, as the coach plays it from the playground (Alex, who acts as Megan
    /// and Adele): two owners answer for themselves, Megan sends regrets, the briefing has both, the attendance card
    /// is prefilled, and closing the loop carries the agreement over to the seeded session after the next one.
    /// </summary>
    [Fact]
    public async Task The_coach_runs_a_whole_cycle_on_the_demo_and_carries_an_agreement_over_to_the_session_after()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Demo:Enabled"] = "true";
            s["Demo:TenantId"] = TenantId;
        });
        var alex = new Teams.Schema.ChannelAccount { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber", AadObjectId = DemoPeople.All[0].AadObjectId };
        var sessions = await app.QueryAsync(db => db.Sessions.Where(s => s.Status == SessionStatus.Planned && s.Community.Name == DemoCommunity.Name).OrderBy(s => s.StartsAt).Select(s => s.Id).ToListAsync());
        var (next, following) = (sessions[0], sessions[1]);
        var people = await app.QueryAsync(db => db.People.ToDictionaryAsync(p => p.DisplayName!, p => p.Id));

        await app.PostAsync(app.Teams.Message("afspraak afwerken @Megan @Adele: Toets hoofdstuk 4 nakijken", alex));
        var agreement = await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Text == "Toets hoofdstuk 4 nakijken"));
        agreement.DueSessionId.ShouldBe(next);
        await app.PostAsync(app.Teams.Message("act as Megan", alex));
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(agreement.Id, AgreementAnswers.Done, AgreementCardViews.Mine), "card-1", alex));
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, new RegretData(next, RegretCardViews.Regrets), "card-2", alex));
        await app.PostAsync(app.Teams.Message("act as Adele", alex));
        var help = new Dictionary<string, object?>
        {
            ["agreementId"] = agreement.Id, ["answer"] = AgreementAnswers.NeedHelp, ["view"] = AgreementCardViews.Mine,
            [ReminderCard.CommentInputId(agreement.Id)] = "Welke toets?",
        };
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, help, "card-3", alex));
        await app.PostAsync(app.Teams.Message("act as me", alex));

        // Wednesday 11 March at 16:00 in Brussels, the briefing's moment on the school day before the session.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero));
        await app.PostAsync(app.Teams.Message("herinneringen nu", alex));
        var briefing = await app.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync(m => m.Purpose == "briefing" && m.PersonId == people["Alex Wilber"]));
        var shown = briefing.Card!.Value.GetRawText();
        shown.ShouldContain("1 van 2 klaar");
        shown.ShouldContain("Welke toets?");
        shown.ShouldContain("Afgemeld voor deze sessie");
        shown.ShouldContain("niet opgenomen");

        // Thursday 12 March, the evening after the session.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 18, 0, 0, TimeSpan.Zero));
        await app.PostAsync(app.Teams.Message("aanwezigheid", alex));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(alex)).Values.Any(a => a.Attachments?.Any(c => c.Content?.GetRawText().Contains("Megan Bowen (afgemeld)") == true) == true), Timeout);
        var attendance = new Dictionary<string, object?> { ["sessionId"] = next };
        foreach (var teacher in new[] { "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez" })
        {
            attendance[AttendanceCard.InputId(people[teacher])] = teacher == "Megan Bowen" ? "false" : "true";
        }
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.Save, attendance, "card-4", alex));
        (await app.QueryAsync(db => db.Attendance.CountAsync(a => a.SessionId == next && a.Present))).ShouldBe(3);

        await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Close,
            new Dictionary<string, object?> { ["agreementId"] = agreement.Id, ["choice"] = CloseChoices.CarryOver, ["sessionId"] = next }, "card-5", alex));

        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == agreement.Id))).DueSessionId.ShouldBe(following);
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
        Sessions.SessionTests.MessageOf(refused).ShouldStartWith("(als Tom Claes) Die leergemeenschap ken ik niet, of je mag haar sessies niet plannen.");
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
