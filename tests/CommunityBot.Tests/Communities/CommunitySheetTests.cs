using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Communities.Sheet;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Communities;

/// <summary><c>gemeenschap</c> / <c>community</c>: each of the person's communities as one read-only sheet card.</summary>
public sealed class CommunitySheetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The demo-like world with a theme, goals and phase 3; Lien coaches, Megan, Adele and Tom are members.</summary>
    private static async Task<(BotApplication App, AgreementWorld World)> WorldAsync()
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.Communities.ExecuteUpdateAsync(set => set
            .SetProperty(c => c.Theme, "Evalueren in de eerste graad")
            .SetProperty(c => c.Goals, "Een gedeelde toetsenbank tegen juni")
            .SetProperty(c => c.Phase, CommunityPhase.ThemesOrganised)));
        return (app, world);
    }

    /// <summary>A second community without a team: Megan is a member, Olivia the leader, Tom the coach-the-coach, Adele the coach; nothing planned.</summary>
    private static Task AddSecondCommunityAsync(BotApplication app, AgreementWorld world) =>
        app.QueryAsync(async db =>
        {
            var community = new Community { TenantId = TeamsActivities.TenantId, Name = "Aardrijkskunde", CreatedAt = app.Clock.GetUtcNow() };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            var roles = new[] { (Megan, CommunityRole.Member), (Outsider, CommunityRole.Leader), (Tom, CommunityRole.CoachTheCoach), (Adele, CommunityRole.Coach) };
            db.Memberships.AddRange(roles.Select(r => new Membership
            {
                CommunityId = community.Id,
                PersonId = world.Id(r.Item1),
                Role = r.Item2,
                JoinedAt = app.Clock.GetUtcNow(),
            }));
            return await db.SaveChangesAsync();
        });

    private static async Task<List<string>> CardsInAsync(BotApplication app, string conversationId, int count)
    {
        List<string> Cards() => [.. app.Connector.SentActivities
            .Where(a => a.ConversationId == conversationId && a.Activity?.Attachments is { Count: > 0 })
            .Select(a => Readable(a.Activity!.Attachments![0].Content!.Value.GetRawText()))];
        await app.Connector.WaitUntilAsync(() => Cards().Count >= count, Timeout);
        return Cards();
    }

    [Theory]
    [InlineData(Language.Dutch, "gemeenschap", "Fiche van Wiskunde eerste graad", "Thema", "Evalueren in de eerste graad", "Doelen", "Een gedeelde toetsenbank tegen juni",
        "Fase 3 — Thema's kiezen en organiseren", "Ritme", "Om de 6 weken", "Volgende sessie", "maandag 23 maart 2026 om 16:00, Lokaal 12",
        "Procescoach", "Lien Coach", "Leden", "Adele Vance, Megan Bowen, Tom Claes")]
    [InlineData(Language.English, "community", "Sheet of Wiskunde eerste graad", "Theme", "Evalueren in de eerste graad", "Goals", "Een gedeelde toetsenbank tegen juni",
        "Phase 3 — Themes chosen and organised", "Cadence", "Every 6 weeks", "Next session", "Monday 23 March 2026 at 16:00, Lokaal 12",
        "Process coach", "Lien Coach", "Members", "Adele Vance, Megan Bowen, Tom Claes")]
    public async Task The_sheet_shows_theme_goals_phase_cadence_next_session_and_members_by_role(
        Language language, string command, string title, string themeLabel, string theme, string goalsLabel, string goals,
        string phase, string cadenceLabel, string cadence, string nextLabel, string next, string coachLabel, string coach, string membersLabel, string members)
    {
        var (app, _) = await WorldAsync();
        await using var _ = app;

        await app.PostAsync(app.Teams.Message(command, Megan, language == Language.English ? "en-US" : "nl-BE"));

        var card = (await CardsInAsync(app, TeamsActivities.PersonalChatOf(Megan), 1)).Single();
        card.ShouldContain($"\"text\":\"{title}\"");
        card.ShouldContain(Fact(themeLabel, theme));
        card.ShouldContain(Fact(goalsLabel, goals));
        card.ShouldContain($"\"value\":\"{phase}\"");
        card.ShouldContain(Fact(cadenceLabel, cadence));
        card.ShouldContain(Fact(nextLabel, next));
        card.ShouldContain(Fact(coachLabel, coach));
        card.ShouldContain(Fact(membersLabel, members));
    }

    [Theory]
    [InlineData(Language.Dutch, "gemeenschap", "Fase 2 — Leraren motiveren tot opstart", "Nog niet ingevuld", "Nog geen sessie gepland",
        "Procescoach", "Coach van de coach", "Schoolleider", "Leden")]
    [InlineData(Language.English, "community", "Phase 2 — Teachers motivated to start", "Not filled in yet", "No session planned",
        "Process coach", "Coach-the-coach", "School leader", "Members")]
    public async Task A_member_of_two_communities_gets_two_sheets_and_an_empty_sheet_says_what_is_missing(
        Language language, string command, string phase, string notFilledIn, string noSession, string coach, string coachTheCoach, string leader, string membersLabel)
    {
        var (app, world) = await WorldAsync();
        await using var _ = app;
        await AddSecondCommunityAsync(app, world);

        await app.PostAsync(app.Teams.Message(command, Megan, language == Language.English ? "en-US" : "nl-BE"));

        var cards = await CardsInAsync(app, TeamsActivities.PersonalChatOf(Megan), 2);
        cards.Count.ShouldBe(2);
        cards[0].ShouldContain("Aardrijkskunde");
        cards[1].ShouldContain("Wiskunde eerste graad");
        var second = cards[0];
        second.ShouldContain($"\"value\":\"{phase}\"");
        second.ShouldContain($"\"value\":\"{notFilledIn}\"");
        second.ShouldContain($"\"value\":\"{noSession}\"");
        second.ShouldContain(Fact(coach, "Adele Vance"));
        second.ShouldContain(Fact(coachTheCoach, "Tom Claes"));
        second.ShouldContain(Fact(leader, "Olivia Outside"));
        second.ShouldContain(Fact(membersLabel, "Megan Bowen"));
    }

    [Fact]
    public async Task In_a_team_channel_the_sheet_shows_only_that_teams_community()
    {
        var (app, world) = await WorldAsync();
        await using var _ = app;
        await AddSecondCommunityAsync(app, world);

        await app.PostAsync(app.Teams.ChannelMention("gemeenschap", Megan));

        var cards = await CardsInAsync(app, TeamsActivities.TeamId, 1);
        cards.Single().ShouldContain("Fiche van Wiskunde eerste graad");
        cards.Single().ShouldNotContain("Aardrijkskunde");
    }

    [Theory]
    [InlineData("gemeenschap", "nl-BE", "Je bent nog geen lid van een leergemeenschap, dus er is geen fiche om te tonen. Vraag je coach om je toe te voegen.")]
    [InlineData("community", "en-US", "You are not a member of a learning community yet, so there is no sheet to show. Ask your coach to add you.")]
    public async Task A_person_in_no_community_gets_a_friendly_line(string command, string locale, string line)
    {
        var (app, _) = await WorldAsync();
        await using var _ = app;

        await app.PostAsync(app.Teams.Message(command, Outsider, locale));

        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(TeamsActivities.PersonalChatOf(Outsider)).Count >= 1, Timeout);
        var reply = app.Connector.ActivitiesIn(TeamsActivities.PersonalChatOf(Outsider)).Values.Single();
        reply.Text.ShouldBe(line);
        reply.Attachments.ShouldBeNull();
    }

    [Fact]
    public void The_sheet_card_is_valid_for_the_official_renderer_in_both_languages()
    {
        var community = new Community
        {
            TenantId = TeamsActivities.TenantId,
            Name = "Wiskunde eerste graad",
            Theme = "Probleemoplossend denken in de eerste graad",
            Goals = "Samen rijke wiskundetaken ontwerpen, uitproberen in de klas en bespreken.",
            Phase = CommunityPhase.LearningTogether,
        };
        var session = new Session { CommunityId = 1, StartsAt = new DateTimeOffset(2026, 3, 17, 14, 30, 0, TimeSpan.Zero), Location = "Lokaal 12", OnlineUrl = "https://teams.example/meet/1" };
        CommunityPerson[] members =
        [
            Person(1, "Adele Vance", CommunityRole.Member), Person(2, "Alex Wilber", CommunityRole.Coach), Person(3, "Isaiah Langer", CommunityRole.Member),
            Person(4, "Lynne Robbins", CommunityRole.Leader), Person(5, "Megan Bowen", CommunityRole.Member), Person(6, "Nestor Wilke", CommunityRole.CoachTheCoach),
        ];
        var cards = new Dictionary<string, AdaptiveCard>
        {
            ["sheet-nl"] = CommunitySheetCard.Build(new CommunitySheet(community, members, session), BotApplication.Start, Language.Dutch),
            ["sheet-en"] = CommunitySheetCard.Build(new CommunitySheet(community, members, null), BotApplication.Start, Language.English),
            ["sheet-coach-nl"] = CommunitySheetCard.Build(new CommunitySheet(community, members, session) { Actions = SheetActions.Manage | SheetActions.Leave }, BotApplication.Start, Language.Dutch),
            ["sheet-coach-en"] = CommunitySheetCard.Build(new CommunitySheet(community, members, null) { Actions = SheetActions.Manage | SheetActions.Leave }, BotApplication.Start, Language.English),
        };

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
    }

    private static CommunityPerson Person(long id, string name, CommunityRole role) => new(id, name, null, role, Language.Dutch);

    private static string Fact(string title, string value) => $"{{\"title\":\"{title}\",\"value\":\"{value}\"}}";
}
