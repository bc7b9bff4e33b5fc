using System.Diagnostics.Metrics;
using CommunityBot.Operations;

namespace CommunityBot.Delivery;

/// <summary>Counters on the "CommunityBot" meter, tagged with the message's purpose; queue age as a gauge.</summary>
public sealed class DeliveryMetrics
{
    private readonly Counter<long> sent;
    private readonly Counter<long> throttled;
    private readonly Counter<long> retried;
    private readonly Counter<long> unreachable;
    private readonly Counter<long> failed;
    private double oldestPendingAgeSeconds;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(OperationsServiceCollectionExtensions.MeterName);
        sent = meter.CreateCounter<long>("communitybot.delivery.sent", "{message}", "Messages Teams accepted");
        throttled = meter.CreateCounter<long>("communitybot.delivery.throttled", "{response}", "429 answers from Teams");
        retried = meter.CreateCounter<long>("communitybot.delivery.retried", "{attempt}", "Transient failures scheduled for another attempt");
        unreachable = meter.CreateCounter<long>("communitybot.delivery.unreachable", "{message}", "Messages whose recipient blocked or left");
        failed = meter.CreateCounter<long>("communitybot.delivery.failed", "{message}", "Messages parked as failed");
        meter.CreateObservableGauge("communitybot.delivery.queue_age", () => Volatile.Read(ref oldestPendingAgeSeconds), "s",
            "Age of the oldest message due but not yet sent, as of the last dispatcher run");
    }

    public void Sent(string purpose) => sent.Add(1, Tag(purpose));
    public void Throttled(string purpose) => throttled.Add(1, Tag(purpose));
    public void Retried(string purpose) => retried.Add(1, Tag(purpose));
    public void Unreachable(string purpose) => unreachable.Add(1, Tag(purpose));
    public void Failed(string purpose) => failed.Add(1, Tag(purpose));

    public void QueueAge(TimeSpan age) => Volatile.Write(ref oldestPendingAgeSeconds, Math.Max(0, age.TotalSeconds));

    private static KeyValuePair<string, object?> Tag(string purpose) => new("purpose", purpose);
}
