using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Intervision;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// The README's "An intervision, start to finish" in the Agents Playground: the coach (Alex) plays Nestor and plans,
/// the three vote on Alex's card, Nestor confirms, the meeting is booked in the host's Graph stand-in and the card with
/// the join link arrives. Texts are asserted generically: which times the search finds depends on today.
/// </summary>
public sealed class IntervisionPlaygroundTests : IAsyncLifetime
{
    private const string Group = "Intervisie Sint-Jozef";

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
    public async Task Nestor_plans_the_three_vote_on_Alexs_card_he_confirms_and_the_card_with_the_join_link_arrives()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);

        await ActAsAsync("Nestor");
        await session.SayAsync("intervisie plannen");
        var report = await session.ExpectAsync("the proposal report", m => m.Text is { } t && (t.Contains("momenten voorgesteld aan", StringComparison.Ordinal) || t.Contains("times proposed to", StringComparison.Ordinal)));
        report.Text!.ShouldContain("Diego Siciliani");
        var ballot = await VoteCardAsync();
        ballot.CardText.ShouldContain(Group);
        ballot.CardText.ShouldMatch(".*(Stemmen|Vote).*");

        var voted = "";
        foreach (var who in new[] { "me", "Diego", "Nestor" })
        {
            await ActAsAsync(who);
            voted = await VoteAsync(ballot);
        }
        voted.ShouldMatch(".*(De stemming is gesloten|The vote is closed).*", "the third vote closes the vote");
        voted.ShouldMatch(".*3 (van|of) 3.*");

        await session.SayAsync("intervisie plannen");
        var confirm = await session.ExpectAsync("Nestor's confirm card", m => CardJson.FindExecute(m.Card, IntervisionVerbs.Confirm, _ => true) is not null);
        confirm.CardText.ShouldMatch(".*(Bevestigen en boeken|Confirm and book).*");
        var press = CardJson.FindExecute(confirm.Card, IntervisionVerbs.Confirm, _ => true)!.Value;
        var confirmed = await session.Playground.PressAsync(confirm.MessageId, AsSent(press, confirm.Card!.Value));
        transcript.Add($"press 'Bevestigen en boeken' → {confirmed.GetRawText()}");

        var booked = await session.ExpectAsync("the booked card", m => m.CardText.Contains($"{Group}: de intervisie is gepland", StringComparison.Ordinal) || m.CardText.Contains($"{Group}: the intervision is planned", StringComparison.Ordinal));
        var join = JoinUrl(booked.Card!.Value).ShouldNotBeNull();
        Uri.TryCreate(join, UriKind.Absolute, out var uri).ShouldBeTrue(join);
        uri!.Scheme.ShouldBeOneOf(Uri.UriSchemeHttp, Uri.UriSchemeHttps);
    }

    private async Task ActAsAsync(string who)
    {
        await session!.SayAsync($"act as {who}");
        // Only the answer to this command: earlier replies sent while acting as someone also carry their name.
        string[] answer = who == "me" ? ["Je bent weer jezelf", "You are yourself again"] : [$"Je handelt nu als {who}", $"You now act as {who}"];
        await session.ExpectAsync($"acting as {who}", m => m.Card is null && answer.Any(a => m.Text?.Contains(a, StringComparison.Ordinal) == true));
    }

    /// <summary>
    /// The vote card respects the contact rules: outside the quiet hours it comes at once, otherwise the demo clock is
    /// advanced an hour at a time (well before the vote's deadline) until it does.
    /// </summary>
    private async Task<PlaygroundMessage> VoteCardAsync()
    {
        static bool IsVoteCard(PlaygroundMessage m) => CardJson.FindExecute(m.Card, IntervisionVerbs.Vote, _ => true) is not null;
        for (var hour = 0; hour < 16; hour++)
        {
            if (await session!.TryFindAsync(IsVoteCard, TimeSpan.FromSeconds(5)) is { } card)
            {
                return card;
            }
            await session.SayAsync("advance 1 hours");
        }
        return await session!.ExpectAsync("Alex's vote card", IsVoteCard);
    }

    /// <summary>Ticks every time on the vote card and presses Stemmen; the answer is the card redrawn in place.</summary>
    private async Task<string> VoteAsync(PlaygroundMessage ballot)
    {
        var vote = CardJson.FindExecute(ballot.Card, IntervisionVerbs.Vote, _ => true)!.Value;
        var answer = await session!.Playground.PressAsync(ballot.MessageId, AsSent(vote, ballot.Card!.Value));
        var card = string.Join(" | ", PlaygroundMessage.Texts(answer.GetProperty("value")));
        transcript.Add($"press 'Stemmen' → card: {card}");
        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        return card;
    }

    /// <summary>The button as a Teams client sends it: its data with every toggle ticked and every other input at its value.</summary>
    private static JsonElement AsSent(JsonElement action, JsonElement card)
    {
        var node = JsonNode.Parse(action.GetRawText())!.AsObject();
        var data = node["data"]!.AsObject();
        foreach (var input in Inputs(card))
        {
            var id = input.GetProperty("id").GetString()!;
            data[id] = input.GetProperty("type").GetString() == "Input.Toggle"
                ? input.GetProperty("valueOn").GetString()
                : input.TryGetProperty("value", out var value) ? value.GetString() : null;
        }
        return JsonSerializer.SerializeToElement(node);
    }

    private static IEnumerable<JsonElement> Inputs(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal) => [element],
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name != "actions" && p.Name != "card").SelectMany(p => Inputs(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Inputs),
        _ => [],
    };

    private static string? JoinUrl(JsonElement card) =>
        card.TryGetProperty("actions", out var actions)
            ? actions.EnumerateArray()
                .Where(a => a.GetProperty("type").GetString() == "Action.OpenUrl" && a.GetProperty("title").GetString() is "Deelnemen" or "Join")
                .Select(a => a.GetProperty("url").GetString())
                .FirstOrDefault()
            : null;
}
