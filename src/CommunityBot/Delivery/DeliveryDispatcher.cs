using CommunityBot.Operations;
using CommunityBot.Storage;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// The delivery loop: claims batches (<see cref="OutboxClaims"/>), sends each message (<see cref="MessageSender"/>)
/// with at most <see cref="DeliveryOptions.MaxParallelism"/> in flight, and records each result
/// (<see cref="DeliveryResults"/>) right after its call: at-least-once, with that parallelism as the duplicate bound.
/// </summary>
public sealed class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    OutboxClaims claims,
    MessageSender sender,
    DispatcherState state,
    DeliverySignal signal,
    BotTelemetry telemetry,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryDispatcher> logger)
{
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>
    /// Sends until nothing is due. Returns false without waiting when this instance is already running (the running
    /// pass will pick up whatever is due). The next batch is claimed while the last sends of the previous one are
    /// still in flight, so batch boundaries leave no gap in the pace.
    /// </summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        state.Enter();
        try
        {
            return await RunForWorkerAsync(ct);
        }
        finally
        {
            state.Leave();
        }
    }

    /// <summary>As <see cref="RunAsync"/>, for the worker, which <see cref="DispatcherState"/> already counts as busy.</summary>
    internal async Task<bool> RunForWorkerAsync(CancellationToken ct)
    {
        if (!await running.WaitAsync(0, ct))
        {
            return false;
        }
        var sends = new List<Task>();
        try
        {
            var slots = new SendSlots(options.Value.MaxParallelism, state);
            while (await claims.ClaimBatchAsync(ct) is { } batch)
            {
                foreach (var message in batch.Messages)
                {
                    await slots.TakeAsync();
                    await InteractiveFirstAsync(slots, sends, ct);
                    sends.Add(Start(message, batch, slots, ct));
                }
                sends.RemoveAll(send => send.IsCompleted);
            }
            return true;
        }
        finally
        {
            await AwaitSendsAsync(sends);
            running.Release();
        }
    }

    /// <summary>
    /// Something was enqueued on this instance while a batch goes out (a help alert, a confirmation: made by a turn
    /// here): interactive rows are claimed at once and go before the rest of the batch, instead of waiting behind a
    /// bulk backlog for the next claim. Entered and left holding one send slot.
    /// </summary>
    private async Task InteractiveFirstAsync(SendSlots slots, List<Task> sends, CancellationToken ct)
    {
        if (!signal.IsPending)
        {
            return;
        }
        signal.Take();
        if (await claims.ClaimBatchAsync(ct, DeliveryPriority.Interactive) is not { } urgent)
        {
            return;
        }
        foreach (var message in urgent.Messages)
        {
            sends.Add(Start(message, urgent, slots, ct));
            await slots.TakeAsync();
        }
    }

    /// <summary>Sends one message on a send slot the caller took, and gives the slot back when done.</summary>
    private Task Start(OutboxMessage message, DeliveryBatch batch, SendSlots slots, CancellationToken ct)
    {
        state.Enter();
        return Task.Run(async () =>
        {
            try
            {
                await ProcessAsync(message, batch, ct);
            }
            finally
            {
                slots.Return();
            }
        }, CancellationToken.None);
    }

    /// <summary>The loop counts as idle while only its sends are left, and they wait for the clock.</summary>
    private async Task AwaitSendsAsync(List<Task> sends)
    {
        if (sends.All(send => send.IsCompleted))
        {
            return;
        }
        state.Leave();
        try
        {
            await Task.WhenAll(sends);
        }
        finally
        {
            state.Enter();
        }
    }

    /// <summary>A failure writing one result must not stop the others: that row stays claimed and its lease brings it back.</summary>
    private async Task ProcessAsync(OutboxMessage message, DeliveryBatch batch, CancellationToken ct)
    {
        using var span = telemetry.StartDelivery(message.Id, message.Purpose);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await claims.StillMineAsync(db, message, ct))
            {
                DeliveryLog.ClaimLost(logger, message.Id);
                return;
            }
            var outcome = await sender.SendAsync(message, batch, db, ct);
            var name = OutcomeName(outcome);
            BotTelemetry.Outcome(span, "delivery.outcome", name, failed: name is "gone" or "failed");
            await scope.ServiceProvider.GetRequiredService<DeliveryResults>().RecordAsync(message, batch, outcome, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            BotTelemetry.Outcome(span, "delivery.outcome", "failed", failed: true);
            DeliveryLog.SendFailed(logger, message.Id, ex);
        }
    }

    /// <summary>What an operator filters spans by: sent, superseded, deferred, throttled, gone (blocked or left) or failed.</summary>
    private static string OutcomeName(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => "sent",
        SendOutcome.Superseded => "superseded",
        SendOutcome.Deferred => "deferred",
        SendOutcome.Throttled => "throttled",
        SendOutcome.Unreachable => "gone",
        _ => "failed",
    };
}
