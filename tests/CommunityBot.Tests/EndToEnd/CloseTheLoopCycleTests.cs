using System.Text.Json;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// Follow-through on the demo community, through the real host and the Agents Playground: the coach records one
/// agreement for two teachers; each (played with "act as") answers for herself; after the session the coach's
/// close-the-loop card arrives and carries the agreement over to the next session.
/// </summary>
public sealed class CloseTheLoopCycleTests : IAsyncLifetime
{
    private const string AgreementText = "Hattie-artikel over feedback lezen";
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
    public async Task Two_teachers_answer_one_agreement_differently_and_the_coach_carries_it_over_on_the_close_the_loop_card()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);
        await session.SayAsync($"afspraak lezen @Megan @Adele: {AgreementText}");
        await session.ExpectAsync("recorded", m => m.Text?.Contains(AgreementText) == true || m.CardText.Contains(AgreementText));

        var megan = await AnswerAsTeacherAsync("Megan", "done");
        megan.ShouldNotContain(AgreementText, customMessage: "done for Megan, so no longer among what she still has to do");

        var adeleCard = await MyAgreementsAsync("Adele");
        string.Join(" ", PlaygroundMessage.Texts(CardJson.BodyItem(adeleCard.Card, AgreementText)!.Value))
            .ShouldMatch(".*(1 of 2 done|1 van 2 klaar).*", "Adele still has it to do and sees that one of the two is done");
        var adele = await PressAsync(adeleCard, AnswerButton(adeleCard.Card, "help"));
        adele.ShouldContain(AgreementText, customMessage: "asking for help keeps it on Adele's list");

        await session.SayAsync("act as me");
        var loop = await AdvanceUntilCloseTheLoopCardAsync();
        var carry = CardJson.FindExecute(CardJson.BodyItem(loop.Card, AgreementText), "agreement.close", d => CardJson.Has(d, "choice", "carry"))
            ?? throw new InvalidOperationException("No carry-over button for the agreement on the close-the-loop card.");
        var carried = await PressAsync(loop, carry.Clone());

        carried.ShouldMatch($".*(Carried over|Doorgeschoven)[^|]*{AgreementText}.*");
    }

    private async Task<string> AnswerAsTeacherAsync(string teacher, string answer)
    {
        var card = await MyAgreementsAsync(teacher);
        return await PressAsync(card, AnswerButton(card.Card, answer));
    }

    private async Task<PlaygroundMessage> MyAgreementsAsync(string teacher)
    {
        await session!.SayAsync($"act as {teacher}");
        await session.ExpectAsync($"acting as {teacher}", m => m.Text?.Contains(teacher) == true);
        await session.SayAsync("mijn afspraken");
        return await session.ExpectAsync($"{teacher}'s agreements", m => m.CardText.Contains(AgreementText));
    }

    private static JsonElement AnswerButton(JsonElement? card, string answer) =>
        CardJson.FindExecute(CardJson.BodyItem(card, AgreementText), "agreement.answer", d => CardJson.Has(d, "answer", answer))?.Clone()
        ?? throw new InvalidOperationException($"No '{answer}' button for the agreement on the card.");

    private async Task<string> PressAsync(PlaygroundMessage card, JsonElement action)
    {
        var answer = await session!.Playground.PressAsync(card.MessageId, action);
        var updated = string.Join(" | ", PlaygroundMessage.Texts(answer.GetProperty("value")));
        transcript.Add($"press '{action.GetProperty("title").GetString()}' → card: {updated}");
        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        return updated;
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
            if (await session.TryFindAsync(m => m.CardText.Contains(AgreementText)
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
