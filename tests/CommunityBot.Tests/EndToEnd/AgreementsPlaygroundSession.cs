using CommunityBot.Tests.Processes;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>The host and the playground together, with a transcript of what a person would have seen.</summary>
internal sealed class AgreementsPlaygroundSession : IAsyncDisposable
{
    private readonly BotHostProcess bot;
    private readonly List<string> transcript;
    private readonly List<PlaygroundMessage> unread = [];

    private AgreementsPlaygroundSession(BotHostProcess bot, AgentsPlayground playground, List<string> transcript)
    {
        this.bot = bot;
        Playground = playground;
        this.transcript = transcript;
    }

    public AgentsPlayground Playground { get; }

    public string BotOutput => bot.Output;

    public static async Task<AgreementsPlaygroundSession> StartAsync(string workingDirectory, List<string> transcript)
    {
        var bot = await BotHostProcess.StartAsync(workingDirectory);
        var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint, workingDirectory);
        return new AgreementsPlaygroundSession(bot, playground, transcript);
    }

    public Task SayAsync(string text)
    {
        transcript.Add($"user: {text}");
        return Playground.SayAsync(text);
    }

    /// <summary>Waits for the next message that matches, keeping the others (proactive cards can arrive in between).</summary>
    public Task<PlaygroundMessage> ExpectAsync(string what, Func<PlaygroundMessage, bool> match) =>
        ExpectWithinAsync(what, m => !m.IsWeeklyDigest && match(m));

    /// <summary>As <see cref="ExpectAsync"/>, for a test that waits for a weekly digest card.</summary>
    public Task<PlaygroundMessage> ExpectDigestAsync(string what, Func<PlaygroundMessage, bool> match) =>
        ExpectWithinAsync(what, m => m.IsWeeklyDigest && match(m));

    private async Task<PlaygroundMessage> ExpectWithinAsync(string what, Func<PlaygroundMessage, bool> match) =>
        await TryFindAsync(match, TimeSpan.FromSeconds(30))
        ?? throw new TimeoutException($"Expected '{what}' from the bot within 30 s.{Environment.NewLine}{bot.Output}");

    public async Task<PlaygroundMessage?> TryFindAsync(Func<PlaygroundMessage, bool> match, TimeSpan within)
    {
        if (unread.FirstOrDefault(match) is { } waiting)
        {
            unread.Remove(waiting);
            return waiting;
        }
        // Real processes on the other side: real time is what bounds the wait.
        var deadline = TimeProvider.System.GetUtcNow() + within;
        while (deadline - TimeProvider.System.GetUtcNow() is { Ticks: > 0 } left)
        {
            PlaygroundMessage message;
            try
            {
                message = await Playground.NextMessageAsync(left);
            }
            catch (TimeoutException)
            {
                return null;
            }
            transcript.Add($"bot {message.Action}: {(message.Card is null ? message.Text : message.CardText)}");
            if (match(message))
            {
                return message;
            }
            unread.Add(message);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Playground.DisposeAsync();
        await bot.DisposeAsync();
    }
}
