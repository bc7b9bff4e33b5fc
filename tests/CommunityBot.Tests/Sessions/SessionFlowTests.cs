using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Sessions.SessionListTests;
using static CommunityBot.Tests.Sessions.SessionTests;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Sessions;

/// <summary>Sessions as people expect: "afgelasten?" asked first, a way back from every form and question, and old cards answered with the session as it is now.</summary>
public sealed class SessionFlowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Leen coaches (she installed the app in the team), Tom is a member; one session is planned on Wednesday 18 March.</summary>
    private static async Task<(BotApplication App, long SessionId)> PlannedAsync()
    {
        var (app, communityId) = await SessionListTests.CommunityAsync();
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, new { communityId, save = true, date = "2026-03-18", time = "15:30", location = "Lokaal 12" }, "card-plan"));
        return (app, await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync()));
    }

    private static async Task<JsonElement> CardInPersonalChatAsync(BotApplication app, string command, Teams.Schema.ChannelAccount user, string locale = "nl-BE")
    {
        var before = app.Connector.ActivitiesIn(PersonalChatOf(user)).Count;
        await app.PostAsync(app.Teams.Message(command, user, locale));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(user)).Count > before, Timeout);
        return JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(user)).Values.Last())).RootElement;
    }

    private static async Task<JsonElement> PressAsync(BotApplication app, (string Verb, string Title, JsonElement Data) button, string locale = "nl-BE") =>
        JsonDocument.Parse(CardJson(await app.InvokeAsync(app.Teams.Execute(button.Verb, Pressed(button.Data), "card-1", locale: locale)))).RootElement;

    /// <summary>The same texts and the same buttons: the card the person came from, drawn again.</summary>
    private static void ShouldShowTheSame(JsonElement card, JsonElement expected)
    {
        Texts(card).ShouldBe(Texts(expected));
        Buttons(card).Select(b => (b.Verb, b.Title, b.Data.GetRawText())).ShouldBe(Buttons(expected).Select(b => (b.Verb, b.Title, b.Data.GetRawText())));
    }

    private static Task<int> AnnouncementsAsync(BotApplication app) =>
        app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Purpose == SessionAnnouncer.Purpose));

    [Fact]
    public async Task Afgelasten_asks_first_and_Nee_terug_shows_the_list_again_with_nothing_changed()
    {
        var (app, _) = await PlannedAsync();
        await using var __ = app;
        var announced = await AnnouncementsAsync(app);
        var list = await CardInPersonalChatAsync(app, "sessies", Teacher);

        var question = await PressAsync(app, Buttons(list).Single(b => b.Title == "Afgelasten"));

        Texts(question).ShouldStartWith("Sessie van woensdag 18 maart afgelasten?");
        Buttons(question).Select(b => b.Title).ShouldBe(["Ja, afgelasten", "Nee, terug"]);
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Status.ShouldBe(SessionStatus.Planned);
        var back = await PressAsync(app, Buttons(question).Single(b => b.Title == "Nee, terug"));
        ShouldShowTheSame(back, list);
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Status.ShouldBe(SessionStatus.Planned);
        (await AnnouncementsAsync(app)).ShouldBe(announced);
    }

    [Fact]
    public async Task Ja_afgelasten_cancels_and_tells_the_channel_in_English_too()
    {
        var (app, _) = await PlannedAsync();
        await using var __ = app;
        var announced = await AnnouncementsAsync(app);
        var list = await CardInPersonalChatAsync(app, "sessions", Teacher, "en-US");

        var question = await PressAsync(app, Buttons(list).Single(b => b.Title == "Cancel session"), "en-US");
        Texts(question).ShouldStartWith("Cancel the session of Wednesday 18 March?");
        var done = await PressAsync(app, Buttons(question).Single(b => b.Title == "Yes, cancel it"), "en-US");

        Texts(done).ShouldContain("Session cancelled");
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Status.ShouldBe(SessionStatus.Cancelled);
        (await AnnouncementsAsync(app)).ShouldBe(announced + 1);
    }

    [Fact]
    public async Task Terug_on_the_move_form_returns_to_the_list_or_the_session_card_without_changes()
    {
        var (app, sessionId) = await PlannedAsync();
        await using var __ = app;
        var list = await CardInPersonalChatAsync(app, "sessies", Teacher);

        var form = await PressAsync(app, Buttons(list).Single(b => b.Title == "Verplaatsen"));
        Buttons(form).Select(b => b.Title).ShouldBe(["Opslaan", "Terug"]);
        var back = Buttons(form).Single(b => b.Title == "Terug");
        back.Data.GetProperty("from").GetString().ShouldBe(SessionOrigins.List);
        form.GetRawText().ShouldContain("\"associatedInputs\":\"none\"");
        ShouldShowTheSame(await PressAsync(app, back), list);

        var fromConfirmation = JsonDocument.Parse(CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move, new { sessionId, version = 1 }, "confirmation-1")))).RootElement;
        var card = await PressAsync(app, Buttons(fromConfirmation).Single(b => b.Title == "Terug"));
        Texts(card).ShouldContain("Geplande sessie");
        card.GetRawText().ShouldContain("woensdag 18 maart 2026 om 15:30");
        Buttons(card).Select(b => b.Title).ShouldBe(["Verplaatsen", "Afgelasten"]);
        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());
        (session.Version, session.Status).ShouldBe((1, SessionStatus.Planned));
    }

    [Fact]
    public async Task A_button_on_a_card_older_than_a_cancellation_or_a_move_shows_the_session_as_it_is_now()
    {
        var (app, sessionId) = await PlannedAsync();
        await using var __ = app;
        var list = await CardInPersonalChatAsync(app, "sessies", Teacher);
        var move = Buttons(list).Single(b => b.Title == "Verplaatsen");
        var cancel = Buttons(list).Single(b => b.Title == "Afgelasten");
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move,
            new { sessionId, version = 1, save = true, date = "2026-03-25", time = "16:00", location = "Aula" }, "confirmation-1"));

        var moved = await PressAsync(app, move);
        Texts(moved).ShouldContain("Iemand heeft deze sessie intussen al veranderd. Hier is de nieuwste versie.");
        moved.GetRawText().ShouldContain("\"value\":\"2026-03-25\"");
        var question = await PressAsync(app, cancel);
        Texts(question).ShouldContain("Iemand heeft deze sessie intussen al veranderd.");
        question.GetRawText().ShouldContain("woensdag 25 maart 2026 om 16:00");
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Status.ShouldBe(SessionStatus.Planned);

        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId, version = 2, confirm = true }, "confirmation-2"));
        var announced = await AnnouncementsAsync(app);
        foreach (var old in new[] { move, cancel })
        {
            var answer = await PressAsync(app, old);
            Texts(answer).ShouldContain("Sessie afgelast");
            Texts(answer).ShouldContain("Deze sessie is intussen afgelast.");
        }
        var again = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId, version = 2, confirm = true }, "confirmation-2"));
        CardJson(again).ShouldContain("Deze sessie is intussen afgelast.");
        (await AnnouncementsAsync(app)).ShouldBe(announced);
    }

    [Fact]
    public async Task Next_session_gives_the_coach_move_and_cancel_and_back_returns_to_it()
    {
        var (app, _) = await PlannedAsync();
        await using var __ = app;

        var next = await CardInPersonalChatAsync(app, "volgende sessie", Teacher);

        Texts(next).ShouldContain("woensdag 18 maart 2026 om 15:30 · Lokaal 12");
        Buttons(next).Select(b => (b.Title, b.Data.GetProperty("from").GetString())).ShouldBe([("Verplaatsen", SessionOrigins.Next), ("Afgelasten", SessionOrigins.Next)]);
        var question = await PressAsync(app, Buttons(next)[1]);
        ShouldShowTheSame(await PressAsync(app, Buttons(question).Single(b => b.Title == "Nee, terug")), next);
        var form = await PressAsync(app, Buttons(next)[0]);
        ShouldShowTheSame(await PressAsync(app, Buttons(form).Single(b => b.Title == "Terug")), next);
    }

    [Fact]
    public async Task Next_session_gives_a_member_ik_kan_niet_komen_in_their_chat_and_no_buttons_in_the_channel()
    {
        var (app, sessionId) = await PlannedAsync();
        await using var __ = app;

        var next = await CardInPersonalChatAsync(app, "volgende sessie", Colleague);
        await app.PostAsync(app.Teams.ChannelMention("volgende sessie", Colleague));

        next.GetRawText().ShouldContain("Action.ShowCard");
        next.GetRawText().ShouldContain("\"title\":\"Ik kan niet komen\"");
        Buttons(next).Select(b => b.Verb).ShouldBe([AttendanceVerbs.SendRegrets]);
        var regretted = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, Pressed(Buttons(next)[0].Data), "card-1", Colleague));
        CardJson(regretted).ShouldContain("Ik kom toch");
        (await app.QueryAsync(db => db.Regrets.CountAsync(r => r.SessionId == sessionId))).ShouldBe(1);
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(TeamId).Values.Any(a => CardJson(a).Contains("\"text\":\"Volgende sessie\"")), Timeout);
        var channel = JsonDocument.Parse(app.Connector.ActivitiesIn(TeamId).Values.Select(CardJson).Last(c => c.Contains("\"text\":\"Volgende sessie\""))).RootElement;
        Texts(channel).ShouldContain("woensdag 18 maart 2026 om 15:30 · Lokaal 12");
        channel.GetRawText().ShouldNotContain("Action.");
    }
}
