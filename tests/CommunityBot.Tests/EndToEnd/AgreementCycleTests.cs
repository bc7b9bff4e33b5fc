using System.Text.Json;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// The core cycle on the demo community, through the real host and the Agents Playground: the coach records an
/// agreement, time passes on the demo clock, the owner gets the reminder card and presses done. The playground shows
/// only its current user's personal chat, so the coach (Alex, user-id-0) takes the agreement on himself.
/// </summary>
public sealed class AgreementCycleTests : IAsyncLifetime
{
    private const string AgreementText = "Toets hoofdstuk 4 nakijken";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
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
    public async Task Coach_records_an_agreement_gets_the_reminder_and_marks_it_done_in_place()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);

        await session.SayAsync($"afspraak aanbrengen @Alex: {AgreementText}");
        await session.ExpectAsync("recorded", m => m.Text?.Contains(AgreementText) == true || m.CardText.Contains(AgreementText));

        var reminder = await AdvanceUntilReminderAsync();
        reminder.CardText.ShouldContain("Alex");

        var done = FindAnswerAction(reminder.Card!.Value, "done");
        var answer = await session.Playground.PressAsync(reminder.MessageId, done);
        var updated = string.Join(" | ", PlaygroundMessage.Texts(answer.GetProperty("value")));
        transcript.Add($"press '{done.GetProperty("title").GetString()}' → card: {updated}");

        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        updated.ShouldContain(AgreementText);
        updated.ShouldContain("✓");
    }

    /// <summary>
    /// Moves the demo clock in half days (so some steps land outside quiet hours) and runs the sweeps, until the
    /// reminder for the agreement arrives; the first one is due 7 days before the next session.
    /// </summary>
    private async Task<PlaygroundMessage> AdvanceUntilReminderAsync()
    {
        for (var step = 0; step < 24; step++)
        {
            await session!.SayAsync("advance 12 hours");
            await session.SayAsync("run reminders now");
            if (await session.TryFindAsync(m => m.CardText.Contains(AgreementText) && FindAnswerActionOrNull(m.Card, "done") is not null,
                    TimeSpan.FromSeconds(3)) is { } reminder)
            {
                return reminder;
            }
        }
        throw new TimeoutException($"No reminder arrived within 12 simulated days.{Environment.NewLine}{session!.BotOutput}");
    }

    private static JsonElement FindAnswerAction(JsonElement card, string answer) =>
        FindAnswerActionOrNull(card, answer) ?? throw new InvalidOperationException($"No '{answer}' button on the card.");

    private static JsonElement? FindAnswerActionOrNull(JsonElement? element, string answer)
    {
        if (element is not { } node)
        {
            return null;
        }
        if (node.ValueKind == JsonValueKind.Object
            && node.TryGetProperty("verb", out var verb) && verb.GetString() == "agreement.answer"
            && node.TryGetProperty("data", out var data) && data.TryGetProperty("answer", out var value) && value.GetString() == answer)
        {
            return node;
        }
        var children = node.ValueKind switch
        {
            JsonValueKind.Object => node.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => node.EnumerateArray(),
            _ => [],
        };
        return children.Select(child => FindAnswerActionOrNull(child, answer)).FirstOrDefault(found => found is not null);
    }
}
