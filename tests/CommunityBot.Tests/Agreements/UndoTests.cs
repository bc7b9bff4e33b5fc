using System.Text.Json;
using CommunityBot.Agreements;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// Every tap answers: an owner's answer card says what happened and offers undo for a few minutes; undo restores the
/// answer before it, history keeps both, a second press changes nothing, and after the window the card says it is too late.
/// </summary>
public sealed class UndoTests
{
    private const string Text = "Lesvoorbereiding H3 afwerken";

    private static async Task<(BotApplication App, AgreementWorld World, long AgreementId)> RecordedAsync()
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        return (app, world, id);
    }

    private static Activity Done(BotApplication app, long id, string view = AgreementCardViews.Reminder, string locale = "nl-BE") =>
        app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, view), "card-1", Megan, locale);

    /// <summary>The data of the undo button on an answer card, as Teams sends it back when pressed.</summary>
    private static JsonElement UndoButton(InvokeResponse card)
    {
        var json = card.Value!.Value.GetRawText();
        using var document = JsonDocument.Parse(json);
        return FindUndo(document.RootElement) ?? throw new ShouldAssertException($"no undo button on {json}");
    }

    private static JsonElement? FindUndo(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("verb", out var verb) && verb.GetString() == AgreementVerbs.Undo)
            {
                return element.GetProperty("data").Clone();
            }
            return element.EnumerateObject().Select(p => FindUndo(p.Value)).FirstOrDefault(e => e is not null);
        }
        return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(FindUndo).FirstOrDefault(e => e is not null) : null;
    }

    private static Task<InvokeResponse> UndoAsync(BotApplication app, JsonElement data, ChannelAccount? by = null, string locale = "nl-BE") =>
        app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Undo, data, "card-1", by ?? Megan, locale));

    private static Task<List<AgreementChange>> HistoryAsync(BotApplication app) =>
        app.QueryAsync(db => db.AgreementChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    private static Task<AgreementOwner> OwnerAsync(BotApplication app) =>
        app.QueryAsync(db => db.Set<AgreementOwner>().AsNoTracking().SingleAsync());

    [Theory]
    [InlineData("nl-BE", "✓ Gemarkeerd als klaar", "Ongedaan maken", "Vergist? Ongedaan maken kan tot 10:05.", "↩ Ongedaan gemaakt: je antwoord staat weer op 'Open'.")]
    [InlineData("en-US", "✓ Marked as done", "Undo", "A mistake? You can undo this until 10:05.", "↩ Undone: your answer is 'Open' again.")]
    public async Task Done_says_so_with_undo_and_undo_restores_the_answer_with_both_in_the_history(string locale, string marked, string undo, string until, string undone)
    {
        var (app, _, id) = await RecordedAsync();
        await using var _ = app;

        var answered = await app.InvokeAsync(Done(app, id, locale: locale));
        var card = CardJson(answered);
        card.ShouldContain(marked);
        card.ShouldContain($"\"title\":\"{undo}\"");
        card.ShouldContain(until);
        CardValidator.Validate(new Dictionary<string, JsonElement> { [$"answered-undo-{locale}"] = answered.Value!.Value }).Single().Value.ShouldBeEmpty();
        (await OwnerAsync(app)).Status.ShouldBe(AgreementStatus.Done);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var restored = await UndoAsync(app, UndoButton(answered), locale: locale);

        CardJson(restored).ShouldContain(undone);
        CardJson(restored).ShouldNotContain($"\"verb\":\"{AgreementVerbs.Undo}\"");
        var owner = await OwnerAsync(app);
        owner.Status.ShouldBe(AgreementStatus.Open);
        owner.AnsweredAt.ShouldBeNull();
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Open);
        (await HistoryAsync(app)).Select(c => (c.Kind, c.From, c.To)).ShouldBe(
        [
            (AgreementChangeKind.Answer, AgreementStatus.Open, AgreementStatus.Done),
            (AgreementChangeKind.Undone, AgreementStatus.Done, AgreementStatus.Open),
        ]);
        // Open again, so the buttons are back.
        CardJson(restored).ShouldContain("\"title\":\"" + (locale == "en-US" ? "✓ Done" : "✓ Klaar") + "\"");
    }

    [Fact]
    public async Task Pressing_undo_twice_undoes_once()
    {
        var (app, _, id) = await RecordedAsync();
        await using var _ = app;
        var answered = await app.InvokeAsync(Done(app, id));
        var data = UndoButton(answered);

        await UndoAsync(app, data);
        var again = await UndoAsync(app, data);

        CardJson(again).ShouldNotContain("Ongedaan gemaakt");
        (await OwnerAsync(app)).Status.ShouldBe(AgreementStatus.Open);
        (await HistoryAsync(app)).Count.ShouldBe(2);

        // Answered again: the old undo button does not take back the new answer.
        var newer = await app.InvokeAsync(Done(app, id));
        await UndoAsync(app, data);
        (await OwnerAsync(app)).Status.ShouldBe(AgreementStatus.Done);
        (await HistoryAsync(app)).Count.ShouldBe(3);
        UndoButton(newer).GetProperty("changeId").GetInt64().ShouldNotBe(data.GetProperty("changeId").GetInt64());
    }

    [Fact]
    public async Task After_the_window_undo_says_it_is_too_late_and_shows_the_answer_as_it_stands()
    {
        var (app, _, id) = await RecordedAsync();
        await using var _ = app;
        var answered = await app.InvokeAsync(Done(app, id));

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = CardJson(await UndoAsync(app, UndoButton(answered)));

        late.ShouldContain("Ongedaan maken kan alleen in de eerste 5 minuten na je antwoord. Zo staat het nu:");
        late.ShouldContain("Stand van zaken: ✓ Klaar");
        (await OwnerAsync(app)).Status.ShouldBe(AgreementStatus.Done);
        (await HistoryAsync(app)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        await using var app = await BotApplication.StartAsync(s => s["Agreements:UndoWindow"] = "00:15:00");
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        var answered = await app.InvokeAsync(Done(app, id));
        CardJson(answered).ShouldContain("Vergist? Ongedaan maken kan tot 10:15.");

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await UndoAsync(app, UndoButton(answered));

        (await OwnerAsync(app)).Status.ShouldBe(AgreementStatus.Open);
    }

    [Fact]
    public async Task Someone_else_pressing_the_undo_button_gets_the_same_answer_as_for_a_missing_agreement_and_nothing_changes()
    {
        var (app, _, id) = await RecordedAsync();
        await using var _ = app;
        var answered = await app.InvokeAsync(Done(app, id));

        var forged = await UndoAsync(app, UndoButton(answered), Adele);
        var missing = await UndoAsync(app, JsonSerializer.SerializeToElement(new UndoData(id + 100, 1, AgreementCardViews.Reminder), TeamsJson.Options));

        MessageText(forged).ShouldBe("Deze afspraak bestaat niet meer, of ze is niet aan jou. Er is niets veranderd.");
        MessageText(missing).ShouldBe(MessageText(forged));
        (await OwnerAsync(app)).Status.ShouldBe(AgreementStatus.Done);
        (await HistoryAsync(app)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task On_my_agreements_an_answered_item_stays_with_a_line_saying_what_happened()
    {
        var (app, world, id) = await RecordedAsync();
        await using var _ = app;
        await world.RecordViaCardAsync("Review", "Artikel Hattie lezen", $"{world.Id(Megan)}");

        var response = await app.InvokeAsync(Done(app, id, AgreementCardViews.Mine));

        var answered = CardJson(response);
        answered.ShouldContain(Text);
        answered.ShouldContain("✓ Gemarkeerd als klaar");
        answered.ShouldContain("Artikel Hattie lezen");
        var restored = CardJson(await UndoAsync(app, UndoButton(response)));
        restored.ShouldContain(Text);
        restored.ShouldContain("↩ Ongedaan gemaakt");
    }
}
