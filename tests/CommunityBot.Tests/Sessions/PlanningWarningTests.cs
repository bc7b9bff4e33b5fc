using CommunityBot.Communities.Cadence;
using CommunityBot.Sessions;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Sessions;

/// <summary>
/// Planning follows the community's rhythm: the form starts from its planned length, and the confirmation warns (but
/// plans) when a session is within two weeks of another or outside the seeds' 2 to 3 hours. The world's next session
/// is Monday 23 March 2026 at 16:00.
/// </summary>
public sealed class PlanningWarningTests
{
    private static string Locale(string language) => language == "en" ? "en-US" : "nl-BE";

    private static object Plan(long communityId, string date, string? duration = null) =>
        new { communityId, save = true, date, time = "15:30", location = "Lokaal 12", duration };

    [Theory]
    [InlineData("nl", "Volgende sessie plannen", "2 uur")]
    [InlineData("en", "Plan the next session", "2 hours")]
    public async Task The_planning_form_starts_from_the_length_the_coach_set_for_the_community(string language, string title, string length)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change,
            new { communityId = world.CommunityId, save = true, kind = "weeks", weeks = "6", duration = "120" }, "card-1", Coach, Locale(language)));

        var form = CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, new { communityId = world.CommunityId }, "card-2", Coach, Locale(language))));

        form.ShouldContain(title);
        form.ShouldContain($"{{\"title\":\"{length}\",\"value\":\"120\"}}");
        form.ShouldContain("\"id\":\"duration\"");
        form.ShouldContain("\"value\":\"120\"");
    }

    [Theory]
    [InlineData("nl", "✓ Sessie gepland")]
    [InlineData("en", "✓ Session planned")]
    public async Task A_session_four_weeks_after_the_last_and_of_the_usual_length_is_planned_without_a_warning(string language, string planned)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, Plan(world.CommunityId, "2026-04-21"), "card-1", Coach, Locale(language))));

        card.ShouldContain(planned);
        card.ShouldNotContain("\"color\":\"warning\"");
        (await app.QueryAsync(db => db.Sessions.OrderBy(s => s.Id).LastAsync())).Duration.ShouldBe(TimeSpan.FromHours(2.5));
    }

    [Theory]
    [InlineData("nl", "✓ Sessie gepland", "Let op: er is ook een sessie op maandag 23 maart 2026 om 16:00, minder dan twee weken ervoor of erna.")]
    [InlineData("en", "✓ Session planned", "Note: there is also a session on Monday 23 March 2026 at 16:00, less than two weeks from this one.")]
    public async Task A_session_within_two_weeks_of_another_is_planned_with_a_warning(string language, string planned, string warning)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, Plan(world.CommunityId, "2026-03-17"), "card-1", Coach, Locale(language))));

        card.ShouldContain(planned);
        card.ShouldContain(warning);
        (await app.QueryAsync(db => db.Sessions.CountAsync(s => s.Status == SessionStatus.Planned))).ShouldBe(2);
    }

    [Theory]
    [InlineData("nl", "Let op: een sessie van 3u30 is langer dan de aangeraden 2 à 3 uur.", "Let op: een sessie van 1u30 is korter dan de 2 à 3 uur")]
    [InlineData("en", "Note: a session of 3 h 30 is longer than the advised 2 to 3 hours.", "Note: a session of 1 h 30 is shorter than the 2 to 3 hours")]
    public async Task A_session_longer_or_shorter_than_the_seeds_advise_is_planned_or_moved_with_a_warning(string language, string tooLong, string tooShort)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var planned = CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, Plan(world.CommunityId, "2026-04-21", "210"), "card-1", Coach, Locale(language))));
        var session = await app.QueryAsync(db => db.Sessions.OrderBy(s => s.Id).LastAsync());
        var moved = CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Move,
            new { sessionId = session.Id, version = 1, save = true, date = "2026-04-28", time = "15:30", location = "Lokaal 12", duration = "90" }, "card-1", Coach, Locale(language))));

        planned.ShouldContain(tooLong);
        moved.ShouldContain(tooShort);
        moved.ShouldNotContain("twee weken");
        moved.ShouldNotContain("two weeks");
        (await app.QueryAsync(db => db.Sessions.SingleAsync(s => s.Id == session.Id))).Duration.ShouldBe(TimeSpan.FromMinutes(90));
    }

    [Fact]
    public async Task A_length_outside_one_to_four_hours_is_refused_with_the_form_and_nothing_is_planned()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan, Plan(world.CommunityId, "2026-04-21", "600"), "card-1", Coach)));

        card.ShouldContain("Kies een duur tussen 1 en 4 uur.");
        (await app.QueryAsync(db => db.Sessions.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public void The_confirmation_with_warnings_is_valid_for_the_official_renderer_in_both_languages()
    {
        var community = new CommunityBot.Communities.Community { Id = 7, TenantId = "t", Name = "Wiskunde eerste graad" };
        var session = new Session { Id = 3, CommunityId = 7, StartsAt = new DateTimeOffset(2026, 3, 17, 14, 30, 0, TimeSpan.Zero), Location = "Lokaal 12", Duration = TimeSpan.FromHours(3.5) };
        var cards = new Dictionary<string, CommunityBot.Teams.Cards.AdaptiveCard>();
        foreach (var language in new[] { CommunityBot.Localization.Language.Dutch, CommunityBot.Localization.Language.English })
        {
            var texts = SessionTexts.All.For(language);
            cards[$"confirmation-warnings-{language}"] = SessionCards.Confirmation(community, session, SessionChange.Planned, language,
                warnings: [string.Format(texts.WarningTooClose, "maandag 23 maart 2026 om 16:00"), string.Format(texts.WarningTooLong, "3u30")]);
        }

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
    }
}
