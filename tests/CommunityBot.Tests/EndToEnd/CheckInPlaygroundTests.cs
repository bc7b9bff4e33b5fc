using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// A teacher answers the demo's open check-in in the Agents Playground and the card thanks in place. The playground's
/// user is the coach (Alex), who is not asked; he plays Megan ("act as"), as in <see cref="AgreementCycleTests"/>.
/// </summary>
public sealed class CheckInPlaygroundTests : IAsyncLifetime
{
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
    public async Task Megan_answers_the_open_check_in_and_the_card_thanks_her_in_place()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);
        await session.SayAsync("act as Megan");
        await session.ExpectAsync("acting as Megan", m => m.Text?.Contains("Megan") == true);

        await session.SayAsync("check-in nu");
        var form = await session.ExpectAsync("the check-in card", m => CardJson.FindExecute(m.Card, "checkin.answer", _ => true) is not null);
        var send = CardJson.FindExecute(form.Card, "checkin.answer", _ => true)!.Value;

        var answer = await session.Playground.PressAsync(form.MessageId, WithInputs(send, form.Card!.Value, "4"));
        var thanks = string.Join(" | ", PlaygroundMessage.Texts(answer.GetProperty("value")));
        transcript.Add($"press 'send' → card: {thanks}");

        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        thanks.ShouldMatch(".*(Bedankt voor je check-in|Thank you for your check-in).*");
        thanks.ShouldMatch(".*(vorige keer|last time).*", "Megan answered the demo's earlier check-ins, so each answer stands beside her previous one");
    }

    /// <summary>The button as a Teams client sends it: its data with every choice on the card set to <paramref name="value"/>.</summary>
    private static JsonElement WithInputs(JsonElement action, JsonElement card, string value)
    {
        var node = JsonNode.Parse(action.GetRawText())!.AsObject();
        var data = node["data"]!.AsObject();
        foreach (var id in ChoiceIds(card))
        {
            data[id] = value;
        }
        return JsonSerializer.SerializeToElement(node);
    }

    private static IEnumerable<string> ChoiceIds(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString() == "Input.ChoiceSet" => [element.GetProperty("id").GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => ChoiceIds(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(ChoiceIds),
        _ => [],
    };
}
