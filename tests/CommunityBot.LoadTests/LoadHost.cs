using System.Diagnostics;
using System.Globalization;
using CommunityBot.Tests.Processes;

namespace CommunityBot.LoadTests;

/// <summary>
/// The real CommunityBot host as its own process (<c>dotnet CommunityBot.dll</c>, Development), with how long it took
/// to become ready and its resident memory read from <c>/proc/{pid}/status</c>.
/// </summary>
internal sealed class LoadHost : IAsyncDisposable
{
    private readonly ChildProcess process;

    /// <summary>
    /// Hangfire schedules a minute's jobs from the first whole minute after they were registered (at start-up) and
    /// looks for due ones every 15 s; the margin covers that look and the round's own first run.
    /// </summary>
    private static readonly TimeSpan FirstJobRoundMargin = TimeSpan.FromSeconds(30);

    private readonly DateTimeOffset readyAt = DateTimeOffset.UtcNow;

    private LoadHost(ChildProcess process, string baseUrl, TimeSpan startUp) => (this.process, BaseUrl, StartUp) = (process, baseUrl, startUp);

    public string BaseUrl { get; }

    public string MessagesEndpoint => $"{BaseUrl}/api/messages";

    /// <summary>From starting the process to the first 200 of <c>/health/ready</c> (database, credentials, delivery).</summary>
    public TimeSpan StartUp { get; }

    public string Output => process.Output;

    public IReadOnlyList<string> Lines => process.Lines;

    public static async Task<LoadHost> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var binaries = AppContext.BaseDirectory;
        var environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        var watch = Stopwatch.StartNew();
        var process = ChildProcess.Start("dotnet",
            [Path.Combine(binaries, "CommunityBot.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", binaries],
            workingDirectory, environment);
        var baseUrl = $"http://127.0.0.1:{port}";
        try
        {
            await WaitUntilReadyAsync(process, $"{baseUrl}/health/ready");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new LoadHost(process, baseUrl, watch.Elapsed);
    }

    /// <summary>VmRSS: the host's resident memory now, in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>User and system CPU the host has used so far: per request, a cost the machine's other load hardly changes.</summary>
    public TimeSpan ProcessorTime()
    {
        using var running = Process.GetProcessById(process.Id);
        return running.TotalProcessorTime;
    }

    /// <summary>
    /// Until the host's first round of timed jobs (every sweep, once a minute) is over: their first run compiles their
    /// code and queries, a one-off of start-up that would otherwise land in the measured minute as a stall of every
    /// answer. The later rounds fall inside the run like in production.
    /// </summary>
    public async Task<TimeSpan> WaitForFirstJobRoundAsync()
    {
        var minute = readyAt.AddTicks(-(readyAt.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
        var wait = TimeSpan.FromTicks(Math.Max(0, (minute + FirstJobRoundMargin - DateTimeOffset.UtcNow).Ticks));
        await Task.Delay(wait);
        return wait;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    /// <summary>Polls every 20 ms, so the start-up figure is that precise.</summary>
    private static async Task WaitUntilReadyAsync(ChildProcess process, string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited:{Environment.NewLine}{process.Output}");
            }
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or too busy starting to answer within the poll's timeout
            }
            await poll.WaitForNextTickAsync();
        }
        throw new TimeoutException($"{url} was not ready within 90 s:{Environment.NewLine}{process.Output}");
    }
}
