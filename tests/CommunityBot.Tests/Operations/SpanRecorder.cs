using System.Collections.Concurrent;
using System.Diagnostics;

namespace CommunityBot.Tests.Operations;

/// <summary>
/// Records the spans of the given sources only. Listeners are process-wide and tests run in parallel, so it listens to
/// one host's own source instances (by reference), never to a source name.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public SpanRecorder(params ActivitySource[] sources)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Spans => [.. stopped];

    public IReadOnlyList<Activity> Named(string name) => [.. stopped.Where(span => span.DisplayName == name)];

    /// <summary>Every tag value of every recorded span, for "no text leaks" checks.</summary>
    public IEnumerable<string> TagValues => stopped.SelectMany(span => span.TagObjects).Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    public void Dispose() => listener.Dispose();
}
