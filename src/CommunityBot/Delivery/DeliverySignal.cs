using System.Threading.Channels;

namespace CommunityBot.Delivery;

/// <summary>Wakes this instance's dispatcher loop; wake-ups while it is busy collapse into one.</summary>
public sealed class DeliverySignal(TimeProvider time)
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool IsPending => channel.Reader.TryPeek(out _);

    public void Wake() => channel.Writer.TryWrite(true);

    /// <summary>
    /// Returns when woken or at <paramref name="until"/>, whichever comes first. It leaves the wake-up pending, so that
    /// the dispatcher looks busy until it has taken it with <see cref="Take"/>. A moment, not a duration: the clock
    /// may move between the caller's decision and this wait.
    /// </summary>
    /// <param name="armed">Called once the wait is set up, before it is awaited: from then on the caller may count as idle.</param>
    public async Task WaitAsync(DateTimeOffset until, Action armed, CancellationToken ct)
    {
        var timeout = until - time.GetUtcNow();
        if (IsPending || timeout <= TimeSpan.Zero)
        {
            return;
        }
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = channel.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var elapsed = Task.Delay(timeout, time, waiting.Token);
        armed();
        await Task.WhenAny(woken, elapsed).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }

    public void Take() => channel.Reader.TryRead(out _);
}
