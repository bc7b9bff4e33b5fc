using System.Text.Json;
using CommunityBot.Communities;
using CommunityBot.Sessions;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Sessions.SessionTests;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Sessions;

public sealed class SessionListTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Leen installs the app in the team (and so coaches it); Tom is a member. The clock stands on 2 March 2026.</summary>
    internal static async Task<(BotApplication App, long CommunityId)> CommunityAsync()
    {
        var app = await BotApplication.StartAsync();
        app.Connector.SetRoster(TeamId, [OnRoster(Teacher), OnRoster(Colleague)]);
        await app.PostAsync(app.Teams.InstallInTeam(Teacher));
        await app.Connector.WaitForActivitiesAsync(1, Timeout);
        return (app, await app.QueryAsync(db => db.Communities.Select(c => c.Id).SingleAsync()));
    }

    private static async Task PlanAsync(BotApplication app, long communityId, string date, string time, string? location, string? onlineUrl = null) =>
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, new { communityId, save = true, date, time, location, onlineUrl }, "card-plan"));

    /// <summary>The one card the person got in their personal chat after typing the command.</summary>
    private static async Task<JsonElement> ListInPersonalChatAsync(BotApplication app, string command, ChannelAccount user, string locale = "nl-BE")
    {
        await app.PostAsync(app.Teams.Message(command, user, locale));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(user)).Count >= 1, Timeout);
        return JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(user)).Values.Single())).RootElement;
    }

    /// <summary>Every text block of the card, decoded (the JSON escapes non-ASCII such as "·"), one per line.</summary>
    internal static string Texts(JsonElement card)
    {
        var texts = new List<string>();
        Walk(card);
        return string.Join("\n", texts);

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            if (element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                texts.Add(text.GetString()!);
            }
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value);
            }
        }
    }

    internal static List<(string Verb, string Title, JsonElement Data)> Buttons(JsonElement card)
    {
        var found = new List<(string, string, JsonElement)>();
        Walk(card);
        return found;

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute")
            {
                found.Add((element.GetProperty("verb").GetString()!, element.GetProperty("title").GetString()!, element.GetProperty("data")));
            }
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value);
            }
        }
    }

    internal static object Pressed(JsonElement data) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(data.GetRawText())!;

    [Fact]
    public async Task Sessies_shows_the_coach_every_planned_session_with_move_and_cancel_and_pressing_them_works()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await PlanAsync(app, communityId, "2026-03-17", "15:30", "Lokaal 12");
        await PlanAsync(app, communityId, "2027-01-12", "16:00", null, "https://teams.example/meet/2");
        var (first, second) = await app.QueryAsync(async db =>
        {
            var ids = await db.Sessions.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
            return (ids[0], ids[1]);
        });

        var card = await ListInPersonalChatAsync(app, "sessies", Teacher);

        var json = Texts(card);
        json.ShouldContain("Geplande sessies");
        json.ShouldContain("Wiskunde 1e graad");
        json.ShouldContain("dinsdag 17 maart om 15:30 · Lokaal 12");
        json.ShouldContain("dinsdag 12 januari 2027 om 16:00 · online: https://teams.example/meet/2");
        var buttons = Buttons(card);
        buttons.Select(b => (b.Verb, b.Title, b.Data.GetProperty("sessionId").GetInt64())).ShouldBe(
        [
            (SessionVerbs.Move, "Verplaatsen", first), (SessionVerbs.Cancel, "Afgelasten", first),
            (SessionVerbs.Move, "Verplaatsen", second), (SessionVerbs.Cancel, "Afgelasten", second),
        ]);

        var form = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move, Pressed(buttons[0].Data), "list-1"));
        CardJson(form).ShouldContain("Sessie verplaatsen");
        CardJson(form).ShouldContain("\"value\":\"2026-03-17\"");
        var question = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, Pressed(buttons[3].Data), "list-1"));
        CardJson(question).ShouldContain("Sessie van dinsdag 12 januari 2027 afgelasten?");
        var yes = Buttons(JsonDocument.Parse(CardJson(question)).RootElement).Single(b => b.Title == "Ja, afgelasten");
        var cancelled = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, Pressed(yes.Data), "list-1"));
        CardJson(cancelled).ShouldContain("Sessie afgelast");
        (await app.QueryAsync(db => db.Sessions.OrderBy(s => s.Id).Select(s => s.Status).ToListAsync()))
            .ShouldBe([SessionStatus.Planned, SessionStatus.Cancelled]);
    }

    [Fact]
    public async Task Planned_sessions_in_English_give_the_coach_buttons_whose_move_saves_and_the_member_none()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await PlanAsync(app, communityId, "2026-03-17", "15:30", "Lokaal 12");

        var coach = await ListInPersonalChatAsync(app, "sessions", Teacher, "en-US");
        var member = await ListInPersonalChatAsync(app, "planned sessions", Colleague, "en-US");

        Texts(coach).ShouldContain("Tuesday 17 March at 15:30 · Lokaal 12");
        Texts(member).ShouldContain("Planned sessions");
        Texts(member).ShouldContain("Tuesday 17 March at 15:30 · Lokaal 12");
        Buttons(member).ShouldBeEmpty();
        var buttons = Buttons(coach);
        buttons.Select(b => b.Title).ShouldBe(["Move", "Cancel session"]);
        var move = JsonSerializer.Deserialize<Dictionary<string, object?>>(buttons[0].Data.GetRawText())!;
        move["save"] = true;
        move["date"] = "2026-03-31";
        move["time"] = "15:30";
        move["location"] = "Lokaal 14";
        var moved = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move, move, "list-1", locale: "en-US"));
        CardJson(moved).ShouldContain("Session moved");
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Version.ShouldBe(2);
    }

    [Fact]
    public async Task Cancel_pressed_on_a_list_older_than_a_move_cancels_nothing_and_shows_the_session_as_it_is_now()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await PlanAsync(app, communityId, "2026-03-17", "15:30", "Lokaal 12");
        var cancel = Buttons(await ListInPersonalChatAsync(app, "sessies", Teacher)).Single(b => b.Verb == SessionVerbs.Cancel);
        var sessionId = cancel.Data.GetProperty("sessionId").GetInt64();
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move,
            new { sessionId, version = 1, save = true, date = "2026-03-31", time = "15:30", location = "Lokaal 14" }, "confirmation-1"));

        var answer = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, Pressed(cancel.Data), "list-1"));

        var card = JsonDocument.Parse(CardJson(answer)).RootElement;
        Texts(card).ShouldContain("Iemand heeft deze sessie intussen al veranderd. Hier is de nieuwste versie.");
        card.GetRawText().ShouldContain("dinsdag 31 maart 2026 om 15:30");
        Buttons(card).Select(b => b.Data.GetProperty("version").GetInt32()).ShouldBe([2, 2]);
        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());
        (session.Status, session.Version).ShouldBe((SessionStatus.Planned, 2));
    }

    [Fact]
    public async Task A_member_pressing_a_forged_cancel_from_the_list_is_refused_and_the_session_stays()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await PlanAsync(app, communityId, "2026-03-17", "15:30", "Lokaal 12");
        var session = await app.QueryAsync(db => db.Sessions.SingleAsync());

        var member = await ListInPersonalChatAsync(app, "geplande sessies", Colleague);
        var refusal = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId = session.Id, version = session.Version }, "list-2", Colleague));

        Texts(member).ShouldContain("dinsdag 17 maart om 15:30 · Lokaal 12");
        Buttons(member).ShouldBeEmpty();
        MessageOf(refusal).ShouldBe("Die sessie ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.");
        (await app.QueryAsync(db => db.Sessions.SingleAsync())).Status.ShouldBe(SessionStatus.Planned);
    }

    [Fact]
    public async Task Two_communities_are_listed_with_buttons_only_where_the_person_coaches_and_the_channel_shows_only_its_own()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;
        await PlanAsync(app, communityId, "2026-03-17", "15:30", "Lokaal 12");
        var now = app.Clock.GetUtcNow();
        await app.QueryAsync(async db =>
        {
            var leen = await db.People.SingleAsync(p => p.AadObjectId == Teacher.AadObjectId);
            var french = new Community { TenantId = TenantId, Name = "Frans 2de graad", CreatedAt = now };
            french.Memberships.Add(new Membership { Person = leen, Role = CommunityRole.Member, JoinedAt = now });
            db.Sessions.Add(new Session { Community = french, StartsAt = new DateTimeOffset(2026, 4, 23, 12, 0, 0, TimeSpan.Zero), Location = "Aula", Duration = TimeSpan.FromHours(2.5) });
            return await db.SaveChangesAsync();
        });
        var teamSession = await app.QueryAsync(db => db.Sessions.Where(s => s.CommunityId == communityId).Select(s => s.Id).SingleAsync());

        var card = await ListInPersonalChatAsync(app, "sessies", Teacher);
        await app.PostAsync(app.Teams.ChannelMention("sessies", Teacher));

        var json = Texts(card);
        json.ShouldContain("Frans 2de graad");
        json.ShouldContain("donderdag 23 april om 14:00 · Aula");
        json.ShouldContain("dinsdag 17 maart om 15:30 · Lokaal 12");
        json.IndexOf("Frans 2de graad", StringComparison.Ordinal).ShouldBeLessThan(json.IndexOf("Wiskunde 1e graad", StringComparison.Ordinal));
        Buttons(card).Select(b => b.Data.GetProperty("sessionId").GetInt64()).Distinct().ShouldBe([teamSession]);
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(TeamId).Values.Any(a => CardJson(a).Contains("Geplande sessies")), Timeout);
        var channel = app.Connector.ActivitiesIn(TeamId).Values.Select(CardJson).Single(c => c.Contains("Geplande sessies"));
        channel.ShouldContain("Wiskunde 1e graad");
        channel.ShouldNotContain("Frans 2de graad");
    }

    [Fact]
    public async Task With_nothing_planned_the_coach_gets_a_friendly_line_and_the_plan_button_and_the_member_only_the_line()
    {
        var (app, communityId) = await CommunityAsync();
        await using var _ = app;

        var coach = await ListInPersonalChatAsync(app, "sessies", Teacher);
        var member = await ListInPersonalChatAsync(app, "sessions", Colleague, "en-US");
        await app.PostAsync(app.Teams.Message("sessies", Third));

        Texts(coach).ShouldContain("Er is nog geen sessie gepland.");
        Buttons(coach).Select(b => (b.Verb, b.Title, b.Data.GetProperty("communityId").GetInt64()))
            .ShouldBe([(SessionVerbs.Plan, "Volgende sessie plannen", communityId)]);
        var form = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, Pressed(Buttons(coach)[0].Data), "list-1"));
        CardJson(form).ShouldContain("\"id\":\"date\"");
        Texts(member).ShouldContain("No session is planned yet.");
        Buttons(member).ShouldBeEmpty();
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(Third)).Count >= 1, Timeout);
        app.Connector.ActivitiesIn(PersonalChatOf(Third)).Values.Single().Text.ShouldBe("Je bent nog geen lid van een leergemeenschap.");
    }

    [Fact]
    public async Task The_help_card_names_sessies_in_Dutch_and_sessions_in_English()
    {
        var (app, _) = await CommunityAsync();
        await using var __ = app;

        var dutch = await ListInPersonalChatAsync(app, "help", Colleague);
        // The help card shows what a person can do in their communities: the English reader is the team's installer.
        await app.PostAsync(app.Teams.Message("help", Teacher, "en-US"));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(Teacher)).Values.Any(a => a.Attachments is { Count: > 0 }), Timeout);
        var english = JsonDocument.Parse(CardJson(app.Connector.ActivitiesIn(PersonalChatOf(Teacher)).Values.Last(a => a.Attachments is { Count: > 0 }))).RootElement;

        dutch.GetRawText().ShouldContain("\"text\":\"sessies\"");
        dutch.GetRawText().ShouldContain("\"text\":\"alle geplande sessies; coaches kunnen ze er verplaatsen of afgelasten\"");
        english.GetRawText().ShouldContain("\"text\":\"sessions\"");
        english.GetRawText().ShouldContain("\"text\":\"all planned sessions; coaches can move or cancel them there\"");
    }
}
