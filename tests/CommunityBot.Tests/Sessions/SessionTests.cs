using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Leen installs the app in the team (and so coaches it); Tom is a member.</summary>
    private static async Task<(BotApplication App, long CommunityId)> CommunityAsync(
        Action<IDictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null)
    {
        var app = await BotApplication.StartAsync(configure, services);
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));
        await app.Connector.WaitForActivitiesAsync(1, Timeout);
        return (app, await app.QueryAsync(db => db.Communities.Select(c => c.Id).SingleAsync()));
    }

    private static object PlanData(long communityId, string date = "2026-03-17", string time = "15:30", string? location = "Lokaal 12", string? onlineUrl = null) =>
        new { communityId, save = true, date, time, location, onlineUrl };

    [Fact]
    public async Task The_coach_plans_a_session_from_the_card_and_the_channel_gets_an_announcement()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;

        var form = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, new { communityId }, "card-1"));
        CardJson(form).ShouldContain("Volgende sessie plannen");
        CardJson(form).ShouldContain("\"id\":\"date\"");

        var saved = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId), "card-1"));

        CardJson(saved).ShouldContain("Sessie gepland");
        CardJson(saved).ShouldContain("dinsdag 17 maart 2026 om 15:30");
        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());
        session.StartsAt.ShouldBe(new DateTimeOffset(2026, 3, 17, 14, 30, 0, TimeSpan.Zero));
        session.Location.ShouldBe("Lokaal 12");
        session.Status.ShouldBe(SessionStatus.Planned);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync()))
            .ShouldContain($"session:{session.Id}:v1:announce");
        await ChannelShowsAsync(app, "Volgende sessie van");
        var announcement = app.Connector.ActivitiesIn(TeamId).Values.Select(CardJson).Single(c => c.Contains("Volgende sessie van"));
        announcement.ShouldContain("Wiskunde 1e graad");
        announcement.ShouldContain("dinsdag 17 maart 2026 om 15:30");
        announcement.ShouldContain("Lokaal 12");
    }

    [Fact]
    public async Task Moving_a_session_bumps_its_version_keeps_local_time_across_daylight_saving_and_announces_again()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId), "card-1"));
        var sessionId = await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync());

        var form = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move, new { sessionId }, "card-1"));
        CardJson(form).ShouldContain("Sessie verplaatsen");
        CardJson(form).ShouldContain("\"value\":\"2026-03-17\"");
        var moved = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move,
            new { sessionId, version = 1, save = true, date = "2026-03-31", time = "15:30", location = "Lokaal 14" }, "card-1"));

        CardJson(moved).ShouldContain("Sessie verplaatst");
        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());
        session.Version.ShouldBe(2);
        session.StartsAt.ShouldBe(new DateTimeOffset(2026, 3, 31, 13, 30, 0, TimeSpan.Zero));
        await ChannelShowsAsync(app, "is verplaatst");
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey == $"session:{sessionId}:v2:announce"))).ShouldBe(1);
    }

    [Fact]
    public async Task Two_coaches_moving_the_same_session_at_once_make_one_move_and_one_announcement()
    {
        var faults = new DbFaults();
        var (app, communityId) = await CommunityAsync(services: DbFaults.Install(faults));
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId), "card-1"));
        var sessionId = await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync());

        // Both moves read version 1 before either writes: the race two coaches at once can make.
        using var bothRead = new Barrier(2);
        var reads = 0;
        var metAtBarrier = 0;
        faults.AfterReader = sql =>
        {
            if (sql.Contains("FROM \"Sessions\"", StringComparison.Ordinal) && Interlocked.Increment(ref reads) <= 2
                && bothRead.SignalAndWait(TimeSpan.FromSeconds(10)))
            {
                Interlocked.Increment(ref metAtBarrier);
            }
        };

        var answers = await Task.WhenAll(
            app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move,
                new { sessionId, version = 1, save = true, date = "2026-03-31", time = "15:30", location = "Lokaal 14" }, "card-1")),
            app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move,
                new { sessionId, version = 1, save = true, date = "2026-04-21", time = "16:00", location = "Lokaal 2" }, "card-2")));
        faults.AfterReader = null;

        metAtBarrier.ShouldBe(2, "both moves read the session before either wrote");
        answers.Count(a => CardJson(a).Contains("Sessie verplaatst")).ShouldBe(1);
        answers.Count(a => CardJson(a).Contains("intussen al veranderd")).ShouldBe(1);
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Version.ShouldBe(2);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith($"session:{sessionId}:v")))).ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_a_session_marks_it_cancelled_and_tells_the_channel()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId), "card-1"));
        var sessionId = await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync());

        var cancelled = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId, confirm = true }, "card-1"));

        CardJson(cancelled).ShouldContain("Sessie afgelast");
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Status.ShouldBe(SessionStatus.Cancelled);
        await ChannelShowsAsync(app, "gaat niet door");
    }

    [Fact]
    public async Task Invalid_input_shows_the_form_again_with_every_problem_and_stores_nothing()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;

        var answer = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan,
            PlanData(communityId, date: "2026-03-01", time: "25:99", location: null, onlineUrl: "not a link"), "card-1"));

        var card = CardJson(answer);
        card.ShouldContain("Dat uur begrijp ik niet");
        card.ShouldContain("De online link moet een volledig webadres zijn");
        var pastTime = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId, date: "2026-03-01"), "card-1"));
        CardJson(pastTime).ShouldContain("in het verleden");
        (await app.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_with_a_forged_payload_cannot_plan_move_or_cancel_and_nothing_changes()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId), "card-1"));
        var sessionId = await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync());
        var outboxBefore = await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync());

        var plan = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, PlanData(communityId, date: "2026-04-21"), "card-2", Colleague));
        var move = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move, new { sessionId, save = true, date = "2026-04-21", time = "10:00", location = "x" }, "card-2", Colleague));
        var cancel = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId, confirm = true }, "card-2", Colleague));

        MessageOf(plan).ShouldBe("Die leergemeenschap ken ik niet, of je mag haar sessies niet plannen. Er is niets gewijzigd.");
        MessageOf(move).ShouldBe("Die sessie ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.");
        MessageOf(cancel).ShouldBe("Die sessie ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.");
        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());
        (session.Version, session.Status, session.StartsAt).ShouldBe((1, SessionStatus.Planned, new DateTimeOffset(2026, 3, 17, 14, 30, 0, TimeSpan.Zero)));
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync())).ShouldBe(outboxBefore);
    }

    [Fact]
    public async Task Typing_plan_session_in_the_channel_gives_the_coach_the_form_and_a_member_a_refusal()
    {
        var (app, _) = await CommunityAsync();
        await using var __ = app;

        await app.PostAsync(app.Teams.ChannelMention("sessie plannen", Teacher));
        await app.PostAsync(app.Teams.ChannelMention("sessie plannen", Colleague));

        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(TeamId).Count >= 3, Timeout);
        var replies = app.Connector.ActivitiesIn(TeamId).Values.ToList();
        replies.ShouldContain(a => a.Attachments != null && CardJson(a).Contains("Volgende sessie plannen"));
        replies.ShouldContain(a => a.Text == "Alleen de coach van deze leergemeenschap kan haar sessies plannen, verplaatsen of afgelasten. Er is niets gewijzigd.");
    }

    [Fact]
    public async Task Next_session_tells_members_when_and_where_in_Dutch_and_in_English()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan,
            PlanData(communityId, location: "Lokaal 12", onlineUrl: "https://teams.example/meet/1"), "card-1"));

        await app.PostAsync(app.Teams.Message("volgende sessie", Colleague));
        await app.PostAsync(app.Teams.Message("next session", Teacher, locale: "en-US"));

        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(Teacher)).Count >= 1
            && app.Connector.ActivitiesIn(PersonalChatOf(Colleague)).Count >= 1, Timeout);
        var member = JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(Colleague)).Values.Single())).RootElement;
        SessionListTests.Texts(member).ShouldContain("Volgende sessie\nWiskunde 1e graad\ndinsdag 17 maart 2026 om 15:30 · Lokaal 12 (online: https://teams.example/meet/1)");
        var coach = JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(Teacher)).Values.Single())).RootElement;
        SessionListTests.Texts(coach).ShouldContain("Next session\nWiskunde 1e graad\nTuesday 17 March 2026 at 15:30 · Lokaal 12 (online: https://teams.example/meet/1)");
    }

    [Fact]
    public async Task Next_session_says_so_when_nothing_is_planned_or_the_person_is_in_no_community()
    {
        var (app, _) = await CommunityAsync();
        await using var __ = app;

        await app.PostAsync(app.Teams.Message("volgende sessie", Colleague));
        await app.PostAsync(app.Teams.Message("next session", Third, locale: "en-US"));

        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(Colleague)).Count >= 1
            && app.Connector.ActivitiesIn(PersonalChatOf(Third)).Count >= 1, Timeout);
        var member = JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(Colleague)).Values.Single())).RootElement;
        SessionListTests.Texts(member).ShouldContain("Voor Wiskunde 1e graad is nog geen volgende sessie gepland.");
        SessionListTests.Buttons(member).ShouldBeEmpty();
        app.Connector.ActivitiesIn(PersonalChatOf(Third)).Values.Single().Text.ShouldBe("You are not a member of a learning community yet.");
    }

    /// <summary>The outbox paces sends per conversation on the (fake) clock, so time moves on until the channel shows it.</summary>
    private static Task ChannelShowsAsync(BotApplication app, string text) =>
        app.AdvanceUntilAsync(() => app.Connector.ActivitiesIn(TeamId).Values.Any(a => CardJson(a).Contains(text)),
            TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1));

    internal static string CardJson(InvokeResponse response)
    {
        response.Type.ShouldBe(InvokeResponse.CardType);
        return response.Value!.Value.GetRawText();
    }

    internal static string CardJson(Activity activity) =>
        activity.Attachments is { Count: > 0 } attachments ? JsonSerializer.Serialize(attachments[0].Content, TeamsJson.Options) : activity.Text ?? "";

    internal static string? MessageOf(InvokeResponse response)
    {
        response.Type.ShouldBe(InvokeResponse.MessageType);
        return response.Value!.Value.GetString();
    }
}
