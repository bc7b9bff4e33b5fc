using System.Diagnostics;

namespace CommunityBot.Operations;

/// <summary>
/// The host's spans, on the <see cref="SourceName"/> source: a recurring job run, a delivery attempt, a Graph call.
/// Ids, purposes and outcomes only; never a message text, a name or an e-mail address. One instance per host (a DI
/// singleton), so a listener can tell two hosts in one process apart.
/// </summary>
public sealed class BotTelemetry : IDisposable
{
    public const string SourceName = "CommunityBot";

    public ActivitySource Source { get; } = new(SourceName);

    public Activity? StartJob(string jobId) =>
        Source.StartActivity("job " + jobId)?.SetTag("job.id", jobId);

    public Activity? StartDelivery(long messageId, string purpose) =>
        Source.StartActivity("delivery " + purpose, ActivityKind.Producer)?
            .SetTag("delivery.message_id", messageId)
            .SetTag("delivery.purpose", purpose);

    public Activity? StartGraphCall(string operation) =>
        Source.StartActivity("graph " + operation, ActivityKind.Client)?.SetTag("graph.operation", operation);

    /// <summary>How a span ended, as a tag (<paramref name="key"/>) and, for a failure, the span's status.</summary>
    public static void Outcome(Activity? span, string key, string outcome, bool failed)
    {
        span?.SetTag(key, outcome);
        if (failed)
        {
            span?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    public void Dispose() => Source.Dispose();
}
