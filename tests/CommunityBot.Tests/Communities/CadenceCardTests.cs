using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Nudges;
using CommunityBot.Teams.Cards;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Communities;

/// <summary>The coach changes the community's rhythm and session length on a card reached from the sheet; members and forged payloads change nothing.</summary>
public sealed class CadenceCardTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    /// <summary>The <paramref name="nth"/> card in the person's chat, once it is there, after asking for the sheet.</summary>
    private static async Task<string> SheetOfAsync(BotApplication app, Teams.Schema.ChannelAccount person, Language language, int nth = 1)
    {
        await app.PostAsync(app.Teams.Message(language == Language.English ? "community" : "gemeenschap", person, Locale(language)));
        var chat = TeamsActivities.PersonalChatOf(person);
        List<string> Cards() => [.. app.Connector.SentActivities
            .Where(a => a.ConversationId == chat && a.Activity?.Attachments is { Count: > 0 })
            .Select(a => Readable(a.Activity!.Attachments![0].Content!.Value.GetRawText()))];
        await app.Connector.WaitUntilAsync(() => Cards().Count >= nth, Timeout);
        return Cards()[nth - 1];
    }

    [Theory]
    [InlineData(Language.Dutch, "Ritme aanpassen", "Ritme van Wiskunde eerste graad", "✓ Opgeslagen: minstens 6 keer per schooljaar, sessies van 2 uur.",
        "Minstens 6 keer per schooljaar", "Duur van een sessie", "2 uur")]
    [InlineData(Language.English, "Change rhythm", "Rhythm of Wiskunde eerste graad", "✓ Saved: at least 6 times a school year, sessions of 2 hours.",
        "At least 6 times a school year", "Length of a session", "2 hours")]
    public async Task A_coach_changes_the_rhythm_from_the_sheet_and_the_sheet_and_the_nudge_deadline_follow(
        Language language, string button, string title, string saved, string rhythm, string lengthLabel, string length)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var deadlineBefore = await app.QueryAsync(db => db.Set<CadenceDeadline>().SingleAsync());

        var sheet = await SheetOfAsync(app, Coach, language);
        sheet.ShouldContain($"\"title\":\"{button}\"");
        sheet.ShouldContain($"\"verb\":\"{CadenceVerbs.Change}\"");
        var opened = CardJson(await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change, new { communityId = world.CommunityId }, "card-1", Coach, Locale(language))));
        opened.ShouldContain(title);
        opened.ShouldContain("\"value\":\"150\"");
        var answer = CardJson(await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change,
            new { communityId = world.CommunityId, save = true, kind = "school-year", weeks = "6", perYear = "6", duration = "120" }, "card-1", Coach, Locale(language))));

        answer.ShouldContain(saved);
        var community = await app.QueryAsync(db => db.Communities.SingleAsync());
        (community.CadenceKind, community.CadenceCount, community.SessionDuration).ShouldBe((CadenceKind.PerSchoolYear, 6, TimeSpan.FromHours(2)));
        (await app.QueryAsync(db => db.Set<CadenceDeadline>().SingleAsync())).NudgeFrom.ShouldNotBe(deadlineBefore.NudgeFrom);
        var after = await SheetOfAsync(app, Coach, language, nth: 2);
        after.ShouldContain(Fact(language == Language.English ? "Cadence" : "Ritme", rhythm));
        after.ShouldContain(Fact(lengthLabel, length));
    }

    [Theory]
    [InlineData(Language.Dutch, "Die leergemeenschap ken ik niet, of je mag haar ritme niet aanpassen. Er is niets gewijzigd.")]
    [InlineData(Language.English, "I don't know that learning community, or you may not change its rhythm. Nothing was changed.")]
    public async Task A_member_sees_no_rhythm_button_and_a_forged_press_is_refused_and_changes_nothing(Language language, string refusal)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var deadlineBefore = await app.QueryAsync(db => db.Set<CadenceDeadline>().SingleAsync());

        var sheet = await SheetOfAsync(app, Megan, language);
        var open = await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change, new { communityId = world.CommunityId }, "card-1", Megan, Locale(language)));
        var save = await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change,
            new { communityId = world.CommunityId, save = true, kind = "weeks", weeks = "2", duration = "60" }, "card-1", Megan, Locale(language)));

        sheet.ShouldNotContain(CadenceVerbs.Change);
        MessageText(open).ShouldBe(refusal);
        MessageText(save).ShouldBe(refusal);
        var community = await app.QueryAsync(db => db.Communities.SingleAsync());
        (community.CadenceKind, community.CadenceCount, community.SessionDuration).ShouldBe((CadenceKind.EveryNWeeks, 6, TimeSpan.FromHours(2.5)));
        (await app.QueryAsync(db => db.Set<CadenceDeadline>().SingleAsync())).NudgeFrom.ShouldBe(deadlineBefore.NudgeFrom);
    }

    [Theory]
    [InlineData(Language.Dutch, "Kies om de hoeveel weken jullie samenkomen (2 tot 12).", "Kies een duur tussen 1 en 4 uur.", "Die leergemeenschap ken ik niet, of je mag haar ritme niet aanpassen. Er is niets gewijzigd.")]
    [InlineData(Language.English, "Choose every how many weeks you meet (2 to 12).", "Choose a length between 1 and 4 hours.", "I don't know that learning community, or you may not change its rhythm. Nothing was changed.")]
    public async Task Forged_values_or_an_unknown_community_change_nothing_for_a_coach_either(Language language, string weeksError, string durationError, string unknown)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var outOfRange = CardJson(await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change,
            new { communityId = world.CommunityId, save = true, kind = "weeks", weeks = "52", duration = "17" }, "card-1", Coach, Locale(language))));
        var unknownKind = CardJson(await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change,
            new { communityId = world.CommunityId, save = true, kind = "daily", weeks = "6", duration = "150" }, "card-1", Coach, Locale(language))));
        var otherCommunity = await app.InvokeAsync(app.Teams.Execute(CadenceVerbs.Change,
            new { communityId = world.CommunityId + 1000, save = true, kind = "weeks", weeks = "4", duration = "150" }, "card-1", Coach, Locale(language)));

        outOfRange.ShouldContain(weeksError);
        outOfRange.ShouldContain(durationError);
        unknownKind.ShouldContain(language == Language.English ? "Choose a rhythm." : "Kies een ritme.");
        MessageText(otherCommunity).ShouldBe(unknown);
        var community = await app.QueryAsync(db => db.Communities.SingleAsync());
        (community.CadenceKind, community.CadenceCount, community.SessionDuration).ShouldBe((CadenceKind.EveryNWeeks, 6, TimeSpan.FromHours(2.5)));
    }

    [Fact]
    public void The_cadence_card_is_valid_for_the_official_renderer_in_both_languages()
    {
        var community = new CommunityBot.Communities.Community { Id = 1, TenantId = TeamsActivities.TenantId, Name = "Wiskunde eerste graad", CadenceKind = CadenceKind.PerSchoolYear, CadenceCount = 5 };
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in Enum.GetValues<Language>())
        {
            cards[$"cadence-{language}"] = CadenceCard.Build(community, language);
            cards[$"cadence-saved-{language}"] = CadenceCard.Build(community, language, saved: true);
            cards[$"cadence-errors-{language}"] = CadenceCard.Build(community, language, new CadenceForm { Kind = "weeks", Weeks = "52" }, ["Kies een duur tussen 1 en 4 uur."]);
        }

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
    }

    private static string Fact(string title, string value) => $"{{\"title\":\"{title}\",\"value\":\"{value}\"}}";
}
