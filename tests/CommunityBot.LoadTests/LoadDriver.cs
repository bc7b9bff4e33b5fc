using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CommunityBot.LoadTests;

/// <summary>
/// Every member at once, each doing their next step when the last one was answered and they have read it (a think time
/// drawn evenly from the setting's range; none: the endpoint, not the members, sets the pace).
/// The same client, the same JSON and the same token for the bot and for the bare endpoint.
/// </summary>
internal sealed class LoadDriver(string endpoint, string token, bool strict)
{
    /// <summary>Teams gives up on an invoke after 15 s.</summary>
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { Timeout = AnswerTimeout };

    private Dictionary<MemberScript, MemberRun> warmedUp = [];

    /// <summary>
    /// One round of every step per member, not timed, so JIT, pools, the queries of every kind of press and the signing
    /// keys are ready before the clock runs. Ten members at a time: a cold host taking everyone at once would time out
    /// on a loaded machine. Its errors count; its changes stay in the members' tallies.
    /// </summary>
    public async Task WarmUpAsync(HttpClient http, IReadOnlyList<MemberScript> members)
    {
        warmedUp = members.ToDictionary(m => m, _ => new MemberRun());
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (m, _) =>
        {
            for (var step = 0; step < MemberScript.RoundLength; step++)
            {
                await StepAsync(http, m, warmedUp[m], wall: null);
            }
            m.Tally.Restart();
        });
    }

    public async Task<LoadResult> RunAsync(HttpClient http, IReadOnlyList<MemberScript> members, LoadSettings settings)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var wall = Stopwatch.StartNew();
        var runs = await Task.WhenAll(members.Select(m => Task.Run(() => MemberAsync(http, m, settings, wall))));
        wall.Stop();
        return LoadResult.Of(runs, startedAt, wall.Elapsed);
    }

    private async Task<MemberRun> MemberAsync(HttpClient http, MemberScript member, LoadSettings settings, Stopwatch wall)
    {
        var run = warmedUp.GetValueOrDefault(member) ?? new MemberRun();
        var reading = new Random(member.Seed);
        while (settings.PressesPerMember is { } presses ? member.Tally.Presses < presses : wall.Elapsed < settings.Duration)
        {
            if (settings.Think.Thinks)
            {
                await Task.Delay(settings.Think.Draw(reading));
            }
            await StepAsync(http, member, run, wall);
        }
        return run;
    }

    /// <param name="wall">The measured run's clock; none in the warm-up, which is not timed.</param>
    private async Task StepAsync(HttpClient http, MemberScript member, MemberRun run, Stopwatch? wall)
    {
        var step = member.Next();
        var askedAt = wall?.Elapsed;
        var started = Stopwatch.GetTimestamp();
        var (status, body, failure) = await SendAsync(http, step.Body);
        if (askedAt is { } at)
        {
            run.Add(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds, at);
        }
        member.Tally.Presses += step.IsPress ? 1 : 0;
        var error = failure
            ?? (status != HttpStatusCode.OK ? $"http-{(int)status}"
            : step.IsPress ? member.Answered(step, body, strict) : null);
        if (error is not null)
        {
            run.Errors[error] = run.Errors.GetValueOrDefault(error) + 1;
        }
        else if (!step.IsPress)
        {
            member.Replied();
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? Failure)> SendAsync(HttpClient http, byte[] activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(activity) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var body = bytes.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(bytes) : default;
            return (response.StatusCode, body, null);
        }
        catch (TaskCanceledException)
        {
            return (default, default, "timeout");
        }
        catch (HttpRequestException e)
        {
            return (default, default, $"network-{e.HttpRequestError}");
        }
        catch (JsonException)
        {
            return (default, default, "answer-not-json");
        }
    }
}

/// <summary>One member's latencies (ms) by kind of step and errors by kind, kept apart so the members never share a lock.</summary>
internal sealed class MemberRun
{
    public Dictionary<StepKind, List<double>> Latencies { get; } = [];
    public Dictionary<string, int> Errors { get; } = [];

    /// <summary>When into the run each answer slower than <see cref="LoadResult.Slow"/> was asked for.</summary>
    public List<TimeSpan> SlowAt { get; } = [];

    public void Add(MemberStep step, double milliseconds, TimeSpan at)
    {
        if (milliseconds > LoadResult.Slow.TotalMilliseconds)
        {
            SlowAt.Add(at);
        }
        if (!Latencies.TryGetValue(step.Kind, out var kind))
        {
            Latencies[step.Kind] = kind = [];
        }
        kind.Add(milliseconds);
    }
}
