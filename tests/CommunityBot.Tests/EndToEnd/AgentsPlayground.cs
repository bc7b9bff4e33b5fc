using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CommunityBot.Testing;

using CommunityBot.Tests.Processes;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// The Agents Playground (the local Teams client) started as a real process and driven over its HTTP API; what the
/// bot sends is read back from its conversation stream (WebSocket), as a Teams client would see it.
/// </summary>
internal sealed class AgentsPlayground : IAsyncDisposable
{
    public const string UserId = "user-id-0";

    private readonly ChildProcess process;
    private readonly HttpClient http;
    private readonly ClientWebSocket stream = new();
    private readonly Channel<PlaygroundMessage> received = Channel.CreateUnbounded<PlaygroundMessage>();
    private readonly CancellationTokenSource stopping = new();
    private Task? reading;

    private AgentsPlayground(ChildProcess process, int port)
    {
        this.process = process;
        Port = port;
        http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public string PersonalChatId { get; private set; } = "";

    public string Output => process.Output;

    public static async Task<AgentsPlayground> StartAsync(string botEndpoint, string workingDirectory)
    {
        var port = FreePort.Next();
        var cli = Path.Combine(NodeTools.Locate(), "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        var process = ChildProcess.Start("node", [cli, "-e", botEndpoint, "-c", "msteams", "--dt", "-p", port.ToString()],
            workingDirectory, new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none" });
        var playground = new AgentsPlayground(process, port);
        await process.WaitUntilAnswersAsync($"http://localhost:{port}/_debug/ping", TimeSpan.FromSeconds(60));
        await playground.ConnectAsync();
        return playground;
    }

    public async Task InstallAsync() =>
        (await http.PostAsJsonAsync($"/_debug/conversation/{PersonalChatId}/installation", new { })).EnsureSuccessStatusCode();

    public async Task SayAsync(string text) =>
        (await http.PostAsJsonAsync($"/_conversation/v1/conversations/{PersonalChatId}/messages",
            new { from = new { id = UserId }, text, textFormat = "plain" })).EnsureSuccessStatusCode();

    /// <summary>Presses an Action.Execute button on a card; the answer is the bot's invoke body (the refreshed card).</summary>
    public async Task<JsonElement> PressAsync(string cardMessageId, JsonElement action)
    {
        var response = await http.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            from = new { id = UserId },
            conversation = new { id = PersonalChatId },
            replyToId = cardMessageId,
            value = new { action },
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<PlaygroundMessage> NextMessageAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await received.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot sent nothing to the playground within {timeout}.{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        stream.Abort();
        if (reading is not null)
        {
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        stream.Dispose();
        http.Dispose();
        await process.DisposeAsync();
        stopping.Dispose();
    }

    private async Task ConnectAsync()
    {
        var config = await http.GetFromJsonAsync<JsonElement>("/_internal/v1/config");
        PersonalChatId = config.GetProperty("config").GetProperty("personalChat").GetProperty("id").GetString()!;
        await stream.ConnectAsync(new Uri($"ws://localhost:{Port}/_ws_conversation/v1/conversations/stream"), stopping.Token);
        reading = Task.Run(ReadStreamAsync);
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!stopping.IsCancellationRequested && stream.State == WebSocketState.Open)
        {
            var result = await stream.ReceiveAsync(buffer, stopping.Token);
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }
            var json = JsonDocument.Parse(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length)).RootElement.Clone();
            frame.SetLength(0);
            if (PlaygroundMessage.FromFrame(json) is { } message)
            {
                received.Writer.TryWrite(message);
            }
        }
    }
}

/// <summary>One createMessage/updateMessage frame of the playground's stream: what a person would now see.</summary>
internal sealed record PlaygroundMessage(string Action, string MessageId, string? Text, JsonElement? Card)
{
    public static PlaygroundMessage? FromFrame(JsonElement frame)
    {
        if (!frame.TryGetProperty("action", out var action) || !frame.TryGetProperty("message", out var message))
        {
            return null;
        }
        var card = message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            ? attachments.EnumerateArray().Select(a => a.TryGetProperty("content", out var c) ? c : (JsonElement?)null).FirstOrDefault()
            : null;
        return new PlaygroundMessage(
            action.GetString() ?? "",
            message.TryGetProperty("messageId", out var id) ? id.ToString() : "",
            message.TryGetProperty("text", out var text) ? text.GetString() : null,
            card);
    }

    /// <summary>The card's visible texts, top to bottom, as a person reads them.</summary>
    public string CardText => Card is { } card ? string.Join(" | ", Texts(card)) : "";

    /// <summary>
    /// The demo's leader (Alex, the playground's user) gets the week's digest from the sweep on its own, within a minute
    /// of the start on any school day after the digest's moment: a test waiting for another card never takes it for that.
    /// </summary>
    public bool IsWeeklyDigest =>
        Card is { } card && Texts(card).Any(t => t.StartsWith("Weekoverzicht ", StringComparison.Ordinal) || t.StartsWith("Your week, ", StringComparison.Ordinal));

    public static IEnumerable<string> Texts(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" or "title" or "value" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name is not "data")
                    {
                        foreach (var text in Texts(property.Value))
                        {
                            yield return text;
                        }
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Texts(item))
                    {
                        yield return text;
                    }
                }
                break;
        }
    }
}
