using System.Text.Json;
using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// "overzicht": every open agreement by the session it is due at, with each owner's state for the coach in their own
/// chat, counts for everyone else who runs the community, and nothing for members.
/// </summary>
public sealed class CoachOverviewTests
{
    private static readonly DateTimeOffset LaterSession = new(2026, 4, 20, 14, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Megan and Adele finish the lesson plan for 23 March (Megan asked help, Adele won't make it); Tom brings the
    /// exercises to the session of 20 April. Olivia is the community's coach-the-coach.
    /// </summary>
    private static async Task<(BotApplication App, AgreementWorld World, long LaterSessionId)> WorldAsync()
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var later = await app.QueryAsync(async db =>
        {
            var session = new Session { CommunityId = world.CommunityId, StartsAt = LaterSession, Location = "Aula", CreatedAt = app.Clock.GetUtcNow() };
            db.Sessions.Add(session);
            db.Memberships.Add(new Membership { CommunityId = world.CommunityId, PersonId = world.Id(Outsider), Role = CommunityRole.CoachTheCoach, JoinedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return session.Id;
        });
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        await world.RecordViaCardAsync("Provide", "Oefenbundel meebrengen", $"{world.Id(Tom)}");
        var (first, second) = await app.QueryAsync(async db =>
        {
            var ids = await db.Agreements.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            await db.Agreements.Where(a => a.Id == ids[1]).ExecuteUpdateAsync(set => set.SetProperty(a => a.DueSessionId, later));
            return (ids[0], ids[1]);
        });
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(first, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "r-1", Megan));
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(first, AgreementAnswers.WontMakeIt, AgreementCardViews.Reminder, AgreementAudiences.Coach), "r-2", Adele));
        return (app, world, later);
    }

    private static async Task<string> CardInPersonalChatAsync(BotApplication app, ChannelAccount user, string text, string locale = "nl-BE")
    {
        var chat = TeamsActivities.PersonalChatOf(user);
        var before = app.Connector.ActivitiesIn(chat).Count;
        await app.PostAsync(app.Teams.Message(text, user, locale));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(chat).Count > before, TimeSpan.FromSeconds(10));
        var reply = app.Connector.ActivitiesIn(chat).Values.Last();
        return reply.Attachments is { Count: > 0 } a ? Readable(a[0].Content!.Value.GetRawText()) : reply.Text!;
    }

    [Fact]
    public async Task The_coach_sees_every_open_agreement_by_session_with_each_owners_state_and_filters_in_place()
    {
        var (app, world, later) = await WorldAsync();
        await using var _ = app;

        var card = await CardInPersonalChatAsync(app, Coach, "overzicht");

        card.ShouldContain("Overzicht van Wiskunde eerste graad");
        card.ShouldContain("2 afspraken staan nog open.");
        card.ShouldContain("Voor de sessie van maandag 23 maart");
        card.ShouldContain("Voor de sessie van maandag 20 april");
        card.ShouldContain("{\"title\":\"Megan Bowen\",\"value\":\"hulp nodig\"}");
        card.ShouldContain("{\"title\":\"Adele Vance\",\"value\":\"lukt niet\"}");
        card.ShouldContain("{\"title\":\"Tom Claes\",\"value\":\"open\"}");
        card.IndexOf("Lesvoorbereiding", StringComparison.Ordinal).ShouldBeLessThan(card.IndexOf("Oefenbundel", StringComparison.Ordinal));
        card.ShouldNotContain("te laat");

        var filtered = CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Overview,
            new Dictionary<string, object?> { ["communityId"] = world.CommunityId, [CoachOverviewCard.FilterInputId] = later.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "overview-1", Coach)));
        filtered.ShouldContain("Oefenbundel meebrengen");
        filtered.ShouldNotContain("Lesvoorbereiding");
        filtered.ShouldContain($"\"value\":\"{later}\"");
        var all = CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Overview,
            new Dictionary<string, object?> { ["communityId"] = world.CommunityId, [CoachOverviewCard.FilterInputId] = CoachOverviewCard.AllSessions }, "overview-1", Coach)));
        all.ShouldContain("Lesvoorbereiding");
        all.ShouldContain("Oefenbundel");
    }

    [Fact]
    public async Task Members_and_the_channel_are_refused_and_the_coach_the_coach_sees_counts_without_names_with_overdue_marked()
    {
        var (app, world, _) = await WorldAsync();
        await using var __ = app;
        app.Clock.SetUtcNow(NextSessionStart.AddDays(1));

        var member = await CardInPersonalChatAsync(app, Tom, "overview", "en-US");
        var ctc = await CardInPersonalChatAsync(app, Outsider, "overview", "en-US");
        await app.PostAsync(app.Teams.ChannelMention("overzicht", Coach));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(TeamsActivities.TeamId).Values.Any(a => a.Text is not null), TimeSpan.FromSeconds(10));
        var channel = app.Connector.ActivitiesIn(TeamsActivities.TeamId).Values.Last(a => a.Text is not null).Text;

        member.ShouldBe("The overview is for coaches, coaches-the-coach and admins of a learning community.");
        ctc.ShouldContain("Overview of Wiskunde eerste graad");
        ctc.ShouldContain("For the session of Monday 23 March · overdue");
        ctc.ShouldContain("1 needs help · 1 won't make it");
        ctc.ShouldNotContain("Megan Bowen");
        ctc.ShouldNotContain("Adele Vance");
        ctc.ShouldNotContain("Tom Claes");
        channel.ShouldBe("Vraag het overzicht in je eigen chat met de bot: het toont wie hulp vroeg, en dat is niet voor de hele groep.");
        var forged = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Overview, new OverviewData(world.CommunityId), "overview-2", Tom));
        MessageText(forged).ShouldBe("Die leergemeenschap vind ik niet. Er is niets veranderd.");
        MessageText(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Overview, new OverviewData(999_999), "overview-2", Coach)))
            .ShouldBe("Die leergemeenschap vind ik niet. Er is niets veranderd.");
    }

    [Fact]
    public void A_big_community_is_capped_within_the_card_limit_with_en_nog_and_the_filter()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var owners = Enumerable.Range(1, 28).Select(i => new PersonRef(i, $"Leerkracht met een lange naam {i}", null)).ToList();
        var sessions = new[] { new SessionRef(1, NextSessionStart, "Lokaal 12", null, 1), new SessionRef(2, LaterSession, "Aula", null, 1) };
        var agreements = Enumerable.Range(1, 40).Select(i => new AgreementView(
            i, 7, "Wiskunde", zone, AgreementKind.Finish, new string('x', 480) + i, AgreementStatus.Open, true, owners, false, [], sessions[i % 2], null)
        {
            ReadAt = BotApplication.Start,
            Route = new CommunityRoute("tenant", null, Language.Dutch),
            Answers = [.. owners.Select(o => new OwnerAnswer(o, AgreementStatus.Open, null, null))],
        }).OrderBy(a => a.DueSession!.StartsAt).ToList();

        var card = CoachOverviewCard.Build("Wiskunde", 7, agreements, showNames: true, null, BotApplication.Start, Language.Dutch).ToJson();

        System.Text.Encoding.UTF8.GetByteCount(card).ShouldBeLessThan(28_000);
        card.ShouldContain("En nog ");
        card.ShouldContain("\"id\":\"session\"");
    }
}
