using System.Text.Json;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// The core cycle on the demo community, through the real host and the Agents Playground: the coach records an
/// agreement for a teacher, time passes on the demo clock and the sweeps run, and the teacher presses done on her card,
/// which changes in place. The playground shows only its current user's personal chat and a coach gets no member
/// reminders, so the coach (Alex, user-id-0) plays Megan ("act as") and opens her agreements. Then follow-through: one
/// agreement for two teachers, each answering for herself, carried over on the coach's close-the-loop card.
/// </summary>
public sealed class AgreementCycleTests : IAsyncLifetime
{
    private const string AgreementText = "Toets hoofdstuk 4 nakijken";
    private const string SharedText = "Hattie-artikel over feedback lezen";
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("communitybot-e2e-").FullName;
    private readonly List<string> transcript = [];
    private AgreementsPlaygroundSession? session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, transcript));
        if (session is not null)
        {
            await session.DisposeAsync();
        }
        Directory.Delete(workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Coach_records_an_agreement_for_a_teacher_who_marks_it_done_in_place()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);

        await session.SayAsync($"afspraak aanbrengen @Megan: {AgreementText}");
        await session.ExpectAsync("recorded", m => m.Text?.Contains(AgreementText) == true || m.CardText.Contains(AgreementText));
        await session.SayAsync("advance 12 hours");
        await session.SayAsync("run reminders now");

        var card = await MyAgreementsAsync("Megan", AgreementText);
        var answered = await PressForCardAsync(card, AnswerButton(card.Card, AgreementText, "done"));
        var updated = string.Join(" | ", PlaygroundMessage.Texts(answered));

        updated.ShouldContain("Megan Bowen)", customMessage: "the card says who pressed: (als Megan Bowen)");
        updated.ShouldContain("Mijn afspraken", customMessage: "the demo speaks Dutch, whatever the playground's locale");
        updated.ShouldContain("✓ Gemarkeerd als klaar", customMessage: "the answered agreement stays on the list and says what happened");
        var undo = CardJson.FindExecute(answered, "agreement.undo", _ => true)
            ?? throw new InvalidOperationException("No undo button on the answered card.");

        var undone = string.Join(" | ", PlaygroundMessage.Texts(await PressForCardAsync(card, undo.Clone())));

        undone.ShouldContain("Ongedaan gemaakt");
        undone.ShouldContain(AgreementText);
        CardJson.FindExecute(CardJson.BodyItem(await PressForCardAsync(card, undo.Clone()), AgreementText), "agreement.answer", d => CardJson.Has(d, "answer", "done"))
            .ShouldNotBeNull("open again after the undo, so the buttons are back (a second undo press changes nothing)");
    }

    [Fact]
    public async Task Two_teachers_answer_one_agreement_differently_and_the_coach_carries_it_over_on_the_close_the_loop_card()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);
        await session.SayAsync($"afspraak lezen @Megan @Adele: {SharedText}");
        await session.ExpectAsync("recorded", m => m.Text?.Contains(SharedText) == true || m.CardText.Contains(SharedText));

        var megan = await AnswerAsTeacherAsync("Megan", SharedText, "done");
        megan.ShouldContain("✓ Gemarkeerd als klaar", customMessage: "done for Megan: the card says so instead of dropping it silently");

        var adeleCard = await MyAgreementsAsync("Adele", SharedText);
        string.Join(" ", PlaygroundMessage.Texts(CardJson.BodyItem(adeleCard.Card, SharedText)!.Value))
            .ShouldMatch(".*(1 of 2 done|1 van 2 klaar).*", "Adele still has it to do and sees that one of the two is done");
        var adele = await PressAsync(adeleCard, AnswerButton(adeleCard.Card, SharedText, "help"));
        adele.ShouldContain(SharedText, customMessage: "asking for help keeps it on Adele's list");

        await session.SayAsync("act as me");
        var loop = await AdvanceUntilCloseTheLoopCardAsync();
        var carry = CardJson.FindExecute(CardJson.BodyItem(loop.Card, SharedText), "agreement.close", d => CardJson.Has(d, "choice", "carry"))
            ?? throw new InvalidOperationException("No carry-over button for the agreement on the close-the-loop card.");
        var carried = await PressAsync(loop, carry.Clone());

        carried.ShouldMatch($".*(Carried over|Doorgeschoven)[^|]*{SharedText}.*");
    }

    private async Task<string> AnswerAsTeacherAsync(string teacher, string text, string answer)
    {
        var card = await MyAgreementsAsync(teacher, text);
        return await PressAsync(card, AnswerButton(card.Card, text, answer));
    }

    private async Task<PlaygroundMessage> MyAgreementsAsync(string teacher, string text)
    {
        await session!.SayAsync($"act as {teacher}");
        await session.ExpectAsync($"acting as {teacher}", m => m.Text?.Contains(teacher) == true);
        await session.SayAsync("mijn afspraken");
        return await session.ExpectAsync($"{teacher}'s agreements", m => m.CardText.Contains(text) && CardJson.BodyItem(m.Card, text) is not null);
    }

    private static JsonElement AnswerButton(JsonElement? card, string text, string answer) =>
        CardJson.FindExecute(CardJson.BodyItem(card, text), "agreement.answer", d => CardJson.Has(d, "answer", answer))?.Clone()
        ?? throw new InvalidOperationException($"No '{answer}' button for the agreement on the card.");

    private async Task<string> PressAsync(PlaygroundMessage card, JsonElement action) =>
        string.Join(" | ", PlaygroundMessage.Texts(await PressForCardAsync(card, action)));

    /// <summary>Presses a button on the card and returns the card the bot answered with.</summary>
    private async Task<JsonElement> PressForCardAsync(PlaygroundMessage card, JsonElement action)
    {
        var answer = await session!.Playground.PressAsync(card.MessageId, action);
        var updated = answer.GetProperty("value");
        transcript.Add($"press '{action.GetProperty("title").GetString()}' → card: {string.Join(" | ", PlaygroundMessage.Texts(updated))}");
        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        return updated.Clone();
    }

    /// <summary>
    /// The next session is about 10 days ahead: jump most of the way, then step in 6 hours (so steps land outside the
    /// quiet hours) and run the sweeps until the card arrives, the evening after the session or the next school morning.
    /// </summary>
    private async Task<PlaygroundMessage> AdvanceUntilCloseTheLoopCardAsync()
    {
        await session!.SayAsync("advance 9 days");
        for (var step = 0; step < 32; step++)
        {
            await session.SayAsync("advance 6 hours");
            await session.SayAsync("run reminders now");
            if (await session.TryFindAsync(m => m.CardText.Contains(SharedText)
                    && CardJson.FindExecute(m.Card, "agreement.close", d => CardJson.Has(d, "choice", "carry")) is not null
                    && CardJson.FindExecute(m.Card, "agreement.close", d => d.TryGetProperty("sessionId", out var s) && s.ValueKind == JsonValueKind.Number) is not null,
                    TimeSpan.FromSeconds(2)) is { } card)
            {
                return card;
            }
        }
        throw new TimeoutException($"No close-the-loop card within 17 simulated days.{Environment.NewLine}{session.BotOutput}");
    }
}
