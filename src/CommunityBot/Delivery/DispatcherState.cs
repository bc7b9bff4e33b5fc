namespace CommunityBot.Delivery;

/// <summary>
/// Whether this instance's dispatcher can make progress without the clock moving: every part of it is waiting for a
/// moment still in the future (the worker for its next poll, a send for its throttle slot) and no wake-up is pending.
/// Tests with a fake clock wait for this before they move the clock on, instead of sleeping.
/// </summary>
public sealed class DispatcherState(DeliverySignal signal, TimeProvider time)
{
    private readonly Lock gate = new();
    /// <summary>What each waiting part waits for; <c>Slot</c> marks a send waiting for its place in the pace.</summary>
    private readonly List<(DateTimeOffset Until, bool Slot)> waits = [];
    private readonly List<TaskCompletionSource> idleWaiters = [];

    /// <summary>Starts at one: the worker, which is busy until it first parks.</summary>
    private int busy = 1;

    private bool parked;

    /// <summary>A new part of the dispatcher starts work (counted before it runs, so no moment looks idle).</summary>
    public void Enter()
    {
        lock (gate) { busy++; }
    }

    /// <summary>The caller stops work and hands nothing on.</summary>
    public void Leave()
    {
        lock (gate) { busy--; }
        Notify();
    }

    /// <summary>
    /// A send waits until its slot in the pace (<paramref name="until"/> on the clock), counted as idle meanwhile and
    /// listed in <see cref="WaitingForSlot"/>.
    /// </summary>
    public async Task SleepUntilAsync(DateTimeOffset until, CancellationToken ct)
    {
        var delay = until - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        // The timer is armed before this part counts as idle: a test moves a fake clock only when all is idle, so the
        // clock cannot move between reading it and arming the timer (which would then wake late, and never look idle).
        var sleep = Task.Delay(delay, time, ct);
        Wait(until, slot: true);
        try
        {
            // A clock moved past the moment while the timer was being armed makes the timer count from the later time
            // (a test that moved it without waiting for idle): the moment has come, so don't wait for that timer.
            if (time.GetUtcNow() < until)
            {
                await sleep;
            }
        }
        finally
        {
            Woken(until, slot: true);
        }
    }

    /// <summary>
    /// The earliest slot a send waits for, if any. Idle with such a send means a message is claimed but not yet sent:
    /// on a fake clock only moving the clock to this slot lets it go.
    /// </summary>
    public DateTimeOffset? WaitingForSlot()
    {
        lock (gate)
        {
            return waits.Where(w => w.Slot).Select(w => (DateTimeOffset?)w.Until).Min();
        }
    }

    /// <summary>
    /// The worker parks until <paramref name="until"/> or a wake-up, once its timer is armed (see
    /// <see cref="SleepUntilAsync"/>); call <see cref="Unpark"/> when it ends.
    /// </summary>
    public void Park(DateTimeOffset until)
    {
        lock (gate) { parked = true; }
        Wait(until, slot: false);
    }

    public void Unpark(DateTimeOffset until)
    {
        lock (gate) { parked = false; }
        Woken(until, slot: false);
    }

    private void Wait(DateTimeOffset until, bool slot)
    {
        lock (gate)
        {
            busy--;
            waits.Add((until, slot));
        }
        Notify();
    }

    private void Woken(DateTimeOffset until, bool slot)
    {
        lock (gate)
        {
            busy++;
            waits.Remove((until, slot));
        }
    }

    /// <summary>Completes when the dispatcher is idle (see the type); re-checked whenever a part of it stops.</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            if (IsIdle())
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    /// <summary>For a test that timed out waiting: what the dispatcher was doing.</summary>
    public override string ToString()
    {
        lock (gate)
        {
            return $"busy {busy}, waiting until [{string.Join(", ", waits.Select(w => w.Until.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))}], now {time.GetUtcNow():O}, parked {parked}, wake pending {signal.IsPending}";
        }
    }

    private void Notify()
    {
        List<TaskCompletionSource> done;
        lock (gate)
        {
            if (idleWaiters.Count == 0 || !IsIdle())
            {
                return;
            }
            done = [.. idleWaiters];
            idleWaiters.Clear();
        }
        done.ForEach(waiter => waiter.TrySetResult());
    }

    /// <summary>A wake-up only counts while the worker is parked: during a run it is seen when the run ends.</summary>
    private bool IsIdle() => busy == 0 && !(parked && signal.IsPending) && waits.Count > 0 && waits.Min(w => w.Until) > time.GetUtcNow();
}
