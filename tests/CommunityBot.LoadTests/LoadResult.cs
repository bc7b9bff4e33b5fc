using System.Globalization;

namespace CommunityBot.LoadTests;

/// <summary>
/// Latency percentiles (nearest rank, ms), throughput and errors of one run against one endpoint, and the CPU it took:
/// the host process's (<see cref="HostCpu"/>; none for the bare endpoint) and the harness's (the members' client, and
/// the bare endpoint or the fake Teams, whichever ran).
/// </summary>
internal sealed record LoadResult(IReadOnlyDictionary<StepKind, Latencies> Steps, IReadOnlyDictionary<string, int> Errors, TimeSpan Wall)
{
    /// <summary>The latency target: answers slower than this are placed in time, to tell a steady tail from stalls.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(100);

    public IReadOnlyList<TimeSpan> SlowAt { get; init; } = [];

    /// <summary>When the measured run began, to place its slow seconds among the host's timed jobs (each minute, UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    public Latencies Invokes { get; } = Latencies.Of(Steps.Where(s => s.Key != StepKind.Message).Select(s => s.Value));

    public Latencies Messages { get; } = Latencies.Of(Steps.Where(s => s.Key == StepKind.Message).Select(s => s.Value));

    public TimeSpan HostCpu { get; init; }

    public TimeSpan HarnessCpu { get; init; }

    public int Requests => Invokes.Count + Messages.Count;

    public double Throughput => Requests / Wall.TotalSeconds;

    public int ErrorCount => Errors.Values.Sum();

    public static LoadResult Of(IReadOnlyList<MemberRun> runs, DateTimeOffset startedAt, TimeSpan wall) => new(
        runs.SelectMany(r => r.Latencies).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => new Latencies([.. g.SelectMany(l => l.Value)])),
        runs.SelectMany(r => r.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
        wall)
    { SlowAt = [.. runs.SelectMany(r => r.SlowAt).Order()], StartedAt = startedAt };

    public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: requests={Requests} wall={Wall.TotalSeconds:F1}s throughput={Throughput:F0}/s invokes[{Invokes}] messages[{Messages}] errors={ErrorCount}{ErrorKinds()} "
        + $"cpu-per-request host={PerRequest(HostCpu):F2}ms harness={PerRequest(HarnessCpu):F2}ms");

    /// <summary>Each kind of step apart: a press that writes waits behind the other members' writes, a refresh does not.</summary>
    public string StepsLine(string name) => $"{name} by step: " + string.Join(' ', Steps.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Key.ToString().ToLowerInvariant()}[n={s.Value.Count} p50={s.Value.Percentile(50):F1}ms p99={s.Value.Percentile(99):F1}ms]")));

    /// <summary>The seconds of the run with the most slow answers, as second×count: a few crowded seconds are stalls.</summary>
    public string SlowLine(string name)
    {
        var seconds = SlowAt.GroupBy(a => (int)a.TotalSeconds).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var busiest = seconds.Count == 0 ? "none" : string.Join(' ', seconds.Take(10).Select(g => $"{g.Key}s({StartedAt.AddSeconds(g.Key):HH:mm:ss})×{g.Count()}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{name} over {Slow.TotalMilliseconds:F0}ms: {SlowAt.Count} answers in {seconds.Count} of {Math.Ceiling(Wall.TotalSeconds):F0} seconds; busiest {busiest}");
    }

    private double PerRequest(TimeSpan cpu) => Requests == 0 ? 0 : cpu.TotalMilliseconds / Requests;

    private string ErrorKinds() => Errors.Count == 0 ? "" : " (" + string.Join(", ", Errors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")) + ")";
}

internal sealed class Latencies(List<double> milliseconds)
{
    private readonly List<double> sorted = [.. milliseconds.Order()];

    public static Latencies Of(IEnumerable<Latencies> parts) => new([.. parts.SelectMany(p => p.sorted)]);

    public int Count => sorted.Count;

    public double Percentile(double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={Percentile(50):F1}ms p95={Percentile(95):F1}ms p99={Percentile(99):F1}ms max={(Count == 0 ? 0 : sorted[^1]):F1}ms");
}
