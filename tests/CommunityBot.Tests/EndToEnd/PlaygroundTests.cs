using System.Text.Json;
using Shouldly;
using Xunit;

using CommunityBot.Tests.Processes;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>The real host and the real Agents Playground, talking over loopback as the bot and Teams would.</summary>
public sealed class PlaygroundTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("communitybot-e2e-").FullName;
    private readonly List<string> transcript = [];
    private Func<string> botOutput = () => "";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, transcript));
        Directory.Delete(workingDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Install_welcome_help_and_a_button_press_update_the_card_in_the_playground()
    {
        await using var bot = await BotHostProcess.StartAsync(workingDirectory);
        botOutput = () => bot.Output;
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint, workingDirectory);

        await playground.InstallAsync();
        var welcome = await NextAsync(playground, "install");
        welcome.CardText.ShouldContain("CommunityBot");
        // The playground's install events differ in locale; whichever greets decides the first language.
        var startedInEnglish = welcome.CardText.Contains("Welcome to CommunityBot");

        await playground.SayAsync("help");
        var help = await NextAsync(playground, "user: help");
        help.CardText.ShouldContain(startedInEnglish ? "What I can do for you" : "Wat ik voor je kan doen");

        var switchLanguage = FindExecuteAction(welcome.Card!.Value, "bot.language");
        var answer = await playground.PressAsync(welcome.MessageId, switchLanguage);
        var updated = string.Join(" | ", PlaygroundMessage.Texts(answer.GetProperty("value")));
        transcript.Add($"press '{switchLanguage.GetProperty("title").GetString()}' → card {answer.GetProperty("type").GetString()}: {updated}");

        answer.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        updated.ShouldContain(startedInEnglish ? "Welkom bij CommunityBot" : "Welcome to CommunityBot");

        await playground.SayAsync("help");
        (await NextAsync(playground, "user: help")).CardText.ShouldContain(startedInEnglish ? "Wat ik voor je kan doen" : "What I can do for you");
    }

    private async Task<PlaygroundMessage> NextAsync(AgentsPlayground playground, string after)
    {
        PlaygroundMessage message;
        try
        {
            do
            {
                message = await playground.NextMessageAsync(Patience);
            }
            while (message.IsWeeklyDigest);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}{Environment.NewLine}Bot output:{Environment.NewLine}{botOutput()}", e);
        }
        transcript.Add($"{after} → bot {message.Action}: {(message.Card is null ? message.Text : message.CardText)}");
        return message;
    }

    private static JsonElement FindExecuteAction(JsonElement card, string verb) =>
        card.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("type").GetString() == "Action.Execute" && a.GetProperty("verb").GetString() == verb);
}
