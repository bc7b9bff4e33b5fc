using System.Globalization;
using CommunityBot.Delivery;
using CommunityBot.Testing;

namespace CommunityBot.Benchmarks;

/// <summary>
/// What a run achieved, read from the fake connector's record (every request as Teams received it) and the outbox
/// rows. Requests are sends and chat creations, each attempt counted, those answered 429 too: Teams counts them.
/// </summary>
internal sealed record FanOutFigures(
    TimeSpan Wall, int Requests, int Accepted, int MaxPerSecond, int SecondsOverCeiling, int Throttled, int Duplicates, int Lost,
    TimeSpan P50, TimeSpan P99)
{
    /// <summary>The issue's targets: whole-run rate at least this share of the ceiling, and at most this share of 429s.</summary>
    private const double RatioTarget = 0.95;
    private const double ThrottledTarget = 0.005;

    /// <summary>Accepted requests (sends and chats opened) per second of wall time, from the first enqueue to the last delivery.</summary>
    public double Rate => Wall > TimeSpan.Zero ? Accepted / Wall.TotalSeconds : 0;

    public double Ratio => Rate / FanOutSettings.Ceiling;

    public double ThrottledShare => Requests == 0 ? 0 : (double)Throttled / Requests;

    public bool Correct => Lost == 0 && Duplicates == 0;

    public static FanOutFigures Measure(IReadOnlyList<FakeConnectorRequest> record, IReadOnlyList<OutboxRow> rows, DateTimeOffset enqueuedAt, int messages)
    {
        var requests = record.Where(r => r.Operation is FakeConnectorOperation.SendToConversation or FakeConnectorOperation.CreateConversation)
            .OrderBy(r => r.ReceivedAt).ToList();
        var accepted = requests.Where(r => r.Succeeded).ToList();
        // Fixed one-second windows aligned to the first request, each request in exactly one of them: the busiest
        // is what the ceiling is held against.
        var perSecond = requests.Count == 0 ? [] : requests
            .GroupBy(r => (r.ReceivedAt - requests[0].ReceivedAt).Ticks / TimeSpan.TicksPerSecond)
            .Select(window => window.Count()).ToList();
        var sends = accepted.Where(r => r.Operation == FakeConnectorOperation.SendToConversation)
            .GroupBy(r => r.Activity!.Text ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (First: g.Min(r => r.ReceivedAt), Count: g.Count()), StringComparer.Ordinal);
        var latencies = rows.Where(row => sends.ContainsKey(row.DedupeKey))
            .Select(row => sends[row.DedupeKey].First - DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt))
            .Order().ToList();
        return new FanOutFigures(
            Wall: accepted.Count == 0 ? TimeSpan.Zero : accepted[^1].ReceivedAt - enqueuedAt,
            Requests: requests.Count,
            Accepted: accepted.Count,
            MaxPerSecond: perSecond.Count == 0 ? 0 : perSecond.Max(),
            SecondsOverCeiling: perSecond.Count(n => n > FanOutSettings.Ceiling),
            Throttled: requests.Count(r => r.StatusCode == 429),
            Duplicates: sends.Values.Sum(s => s.Count - 1),
            // A message never enqueued, or not Sent at the end, was not delivered as asked.
            Lost: messages - rows.Count(row => row.State == OutboxState.Sent),
            P50: Percentile(latencies, 0.50),
            P99: Percentile(latencies, 0.99));
    }

    /// <summary>One line of every figure, in the order of the README's table.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"wall={Wall.TotalSeconds:F1}s requests={Requests} accepted={Accepted} rate={Rate:F2}/s ratio={Ratio:F3} " +
        $"max-per-second={MaxPerSecond} ceiling={FanOutSettings.Ceiling} seconds-over={SecondsOverCeiling} " +
        $"429s={Throttled} ({ThrottledShare:P2}) duplicates={Duplicates} lost={Lost} p50={P50.TotalSeconds:F1}s p99={P99.TotalSeconds:F1}s");

    /// <summary>The issue's targets this run missed; empty when it met them all.</summary>
    public IReadOnlyList<string> MissedTargets()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            .. Ratio < RatioTarget ? [string.Create(c, $"ratio {Ratio:F3} < {RatioTarget}")] : Array.Empty<string>(),
            .. MaxPerSecond > FanOutSettings.Ceiling ? [string.Create(c, $"{SecondsOverCeiling} second(s) over the ceiling (max {MaxPerSecond})")] : Array.Empty<string>(),
            .. ThrottledShare >= ThrottledTarget ? [string.Create(c, $"429s {ThrottledShare:P2} >= {ThrottledTarget:P1}")] : Array.Empty<string>(),
            .. Duplicates > 0 ? [string.Create(c, $"{Duplicates} duplicate(s)")] : Array.Empty<string>(),
            .. Lost > 0 ? [string.Create(c, $"{Lost} lost")] : Array.Empty<string>(),
        ];
    }

    /// <summary>What a run that did not finish still lacks: rows by state and the first keys not delivered.</summary>
    public static string Missing(IReadOnlyList<OutboxRow> rows, int messages)
    {
        var byState = rows.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var notSent = rows.Where(r => r.State != OutboxState.Sent).Select(r => r.DedupeKey).Take(5);
        return $"{rows.Count(r => r.State == OutboxState.Sent)} of {messages} messages sent; enqueued {rows.Count} ({string.Join(", ", byState)}); " +
            $"not sent, first: {string.Join(", ", notSent)}";
    }

    /// <summary>Nearest rank: the smallest value at or above the share <paramref name="q"/> of the sorted values.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double q) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
