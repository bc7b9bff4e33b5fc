using System.Text.Json;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// The core cycle on the demo community, through the real host and the Agents Playground: the coach records an
/// agreement for a teacher, time passes on the demo clock and the sweeps run, and the teacher presses done on her card,
/// which changes in place. The playground shows only its current user's personal chat and a coach gets no member
/// reminders, so the coach (Alex, user-id-0) plays Megan ("act as") and opens her agreements.
/// </summary>
public sealed class AgreementCycleTests : IAsyncLifetime
{
    private const string AgreementText = "Toets hoofdstuk 4 nakijken";
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

        await session.SayAsync("act as Megan");
        await session.ExpectAsync("acting as Megan", m => m.Text?.Contains("Megan Bowen") == true);
        await session.SayAsync("mijn afspraken");
        var mine = await session.ExpectAsync("Megan's agreements", m => m.CardText.Contains(AgreementText) && FindAnswerActionOrNull(Item(m.Card), "done") is not null);

        var done = FindAnswerAction(Item(mine.Card)!.Value, "done");
        var answer = await session.Playground.PressAsync(mine.MessageId, done);
        var updated = string.Join(" | ", PlaygroundMessage.Texts(answer.GetProperty("value")));
        transcript.Add($"press '{done.GetProperty("title").GetString()}' → card: {updated}");

        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        updated.ShouldContain("Megan Bowen)", customMessage: "the card says who pressed: (as Megan Bowen)");
        updated.ShouldContain("My agreements");
        updated.ShouldNotContain(AgreementText, customMessage: "done, so no longer among what Megan still has to do");
    }

    private static JsonElement? Item(JsonElement? card) => CardJson.BodyItem(card, AgreementText);

    private static JsonElement FindAnswerAction(JsonElement card, string answer) =>
        FindAnswerActionOrNull(card, answer) ?? throw new InvalidOperationException($"No '{answer}' button on the card.");

    private static JsonElement? FindAnswerActionOrNull(JsonElement? card, string answer) =>
        CardJson.FindExecute(card, "agreement.answer", data => CardJson.Has(data, "answer", answer));
}
