namespace CommunityBot.Tests.Processes;

/// <summary>
/// The real CommunityBot host as its own process, by default on the embedded default (SQLite file in the working
/// directory, in-memory Hangfire, no auth on loopback, demo seeded); <paramref name="settings"/> override any of it.
/// </summary>
internal sealed class BotHostProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private BotHostProcess(ChildProcess process, int port)
    {
        this.process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public string MessagesEndpoint => $"{BaseUrl}/api/messages";

    public string Output => process.Output;

    public IReadOnlyList<string> Lines => process.Lines;

    public bool HasExited => process.HasExited;

    public void Kill() => process.Kill();

    /// <summary>Starts the host and waits until it answers (by default a minute); a host that does not is killed, not left behind.</summary>
    public static async Task<BotHostProcess> StartAsync(string workingDirectory, IDictionary<string, string>? settings = null, TimeSpan? readyWithin = null)
    {
        var port = FreePort.Next();
        var binaries = AppContext.BaseDirectory;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(workingDirectory, "communitybot.db")}",
            ["Demo__Enabled"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var process = ChildProcess.Start("dotnet",
            [Path.Combine(binaries, "CommunityBot.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", binaries],
            workingDirectory, environment);
        var host = new BotHostProcess(process, port);
        try
        {
            await process.WaitUntilAnswersAsync($"{host.BaseUrl}/health/live", readyWithin ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return host;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
