using System.Globalization;

namespace CommunityBot.LoadTests;

/// <summary>
/// Latency percentiles (nearest rank, ms), throughput and errors of one run against one endpoint, and the CPU it took:
/// the host process's (<see cref="HostCpu"/>; none for the bare endpoint) and the harness's (the members' client, and
/// the bare endpoint or the fake Teams, whichever ran).
/// </summary>
internal sealed record LoadResult(Latencies Invokes, Latencies Messages, IReadOnlyDictionary<string, int> Errors, TimeSpan Wall)
{
    public TimeSpan HostCpu { get; init; }

    public TimeSpan HarnessCpu { get; init; }

    public int Requests => Invokes.Count + Messages.Count;

    public double Throughput => Requests / Wall.TotalSeconds;

    public int ErrorCount => Errors.Values.Sum();

    public static LoadResult Of(IReadOnlyList<MemberRun> runs, TimeSpan wall) => new(
        new Latencies([.. runs.SelectMany(r => r.Invokes)]),
        new Latencies([.. runs.SelectMany(r => r.Messages)]),
        runs.SelectMany(r => r.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
        wall);

    public string Line(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: requests={Requests} wall={Wall.TotalSeconds:F1}s throughput={Throughput:F0}/s invokes[{Invokes}] messages[{Messages}] errors={ErrorCount}{ErrorKinds()} "
        + $"cpu-per-request host={PerRequest(HostCpu):F2}ms harness={PerRequest(HarnessCpu):F2}ms");

    private double PerRequest(TimeSpan cpu) => Requests == 0 ? 0 : cpu.TotalMilliseconds / Requests;

    private string ErrorKinds() => Errors.Count == 0 ? "" : " (" + string.Join(", ", Errors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")) + ")";
}

internal sealed class Latencies(List<double> milliseconds)
{
    private readonly List<double> sorted = [.. milliseconds.Order()];

    public int Count => sorted.Count;

    public double Percentile(double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={Percentile(50):F1}ms p95={Percentile(95):F1}ms p99={Percentile(99):F1}ms max={(Count == 0 ? 0 : sorted[^1]):F1}ms");
}
