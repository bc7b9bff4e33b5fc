namespace CommunityBot.Delivery;

/// <summary>
/// At most <c>capacity</c> sends in flight. A send that ends while the claim loop waits for a slot hands its place in
/// <see cref="DispatcherState"/> straight to the loop, so the dispatcher never looks idle between the two.
/// </summary>
internal sealed class SendSlots(int capacity, DispatcherState state)
{
    private readonly Lock gate = new();
    private int free = capacity;
    private TaskCompletionSource? waiting;

    /// <summary>Completes when a slot is taken; while it waits the caller counts as idle.</summary>
    public Task TakeAsync()
    {
        Task handedOver;
        lock (gate)
        {
            if (free > 0)
            {
                free--;
                return Task.CompletedTask;
            }
            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Read inside the lock: a send that ends right after it clears the field while handing the slot over.
            handedOver = waiting.Task;
        }
        state.Leave();
        return handedOver;
    }

    /// <summary>Called by a finished send instead of leaving the dispatcher state itself.</summary>
    public void Return()
    {
        TaskCompletionSource? handOver;
        lock (gate)
        {
            handOver = waiting;
            waiting = null;
            if (handOver is null)
            {
                free++;
            }
        }
        if (handOver is null)
        {
            state.Leave();
        }
        else
        {
            handOver.TrySetResult();
        }
    }
}
