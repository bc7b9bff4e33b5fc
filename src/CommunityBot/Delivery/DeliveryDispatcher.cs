using System.Threading.Channels;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Claims due outbox rows in batches under a lease and sends them in parallel. Each row's result is written in
/// its own statement right after its HTTP call, so a crash can repeat at most the sends then in flight
/// (<see cref="DeliveryOptions.MaxParallelism"/>): at-least-once, with that as the duplicate bound.
/// </summary>
public sealed class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    MessageSender sender,
    DeliveryMetrics metrics,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryDispatcher> logger)
{
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>
    /// SQLite has one writer at a time and makes the others sleep and retry; queueing the result writes here instead
    /// is several times faster. PostgreSQL writes in parallel.
    /// </summary>
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);

    /// <summary>Identifies this instance's claims; a restarted process is a new instance and waits for its old leases to lapse.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private long claims;

    /// <summary>
    /// Sends until nothing is due. Returns false without waiting when this instance is already running (the
    /// running pass will pick up whatever is due). The next batch is claimed while the last sends of the previous
    /// one are still in flight, so batch boundaries leave no gap in the pace.
    /// </summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        if (!await running.WaitAsync(0, ct))
        {
            return false;
        }
        try
        {
            var queue = Channel.CreateBounded<(OutboxMessage Message, DeliveryBatch Batch)>(options.Value.MaxParallelism);
            var senders = Enumerable.Range(0, options.Value.MaxParallelism).Select(_ => Task.Run(async () =>
            {
                await foreach (var (message, batch) in queue.Reader.ReadAllAsync(ct))
                {
                    await ProcessAsync(message, batch, ct);
                }
            }, ct)).ToList();
            try
            {
                while (await ClaimBatchAsync(ct) is { } batch)
                {
                    foreach (var message in batch.Messages)
                    {
                        await queue.Writer.WriteAsync((message, batch), ct);
                    }
                }
            }
            finally
            {
                queue.Writer.Complete();
                await Task.WhenAll(senders);
            }
            return true;
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>When something next becomes due (a retry, a NotBefore, a lapsing lease); null when the outbox is idle.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>();
        var nextPending = await rows.Where(m => m.State == OutboxState.Pending).MinAsync(m => (long?)m.NextAttemptAt, ct);
        var nextLapse = await rows.Where(m => m.State == OutboxState.Sending).MinAsync(m => m.ClaimedUntil, ct);
        var next = (nextPending, nextLapse) switch
        {
            (null, null) => (long?)null,
            ({ } a, { } b) => Math.Min(a, b + 1),
            ({ } a, null) => a,
            (null, { } b) => b + 1,
        };
        metrics.QueueAge(nextPending is { } due ? time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(due) : TimeSpan.Zero);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private async Task<DeliveryBatch?> ClaimBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await ClaimAsync(db, ct);
        if (ids.Count == 0)
        {
            return null;
        }
        DeliveryLog.Claimed(logger, InstanceId, ids.Count);
        return await DeliveryBatch.LoadAsync(db, ids, ct);
    }

    /// <summary>A failure writing one result must not stop the others: that row stays claimed and its lease brings it back.</summary>
    private async Task ProcessAsync(OutboxMessage message, DeliveryBatch batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await StillMineAsync(db, message, ct))
            {
                DeliveryLog.ClaimLost(logger, message.Id);
                return;
            }
            var outcome = await sender.SendAsync(message, batch, db, ct);
            await WriteAsync(db, () => RecordAsync(scope.ServiceProvider, db, message, batch, outcome, ct), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            DeliveryLog.SendFailed(logger, message.Id, ex);
        }
    }

    /// <summary>
    /// A row that waited in the queue for more than half its lease is renewed first, and only if its claim is still
    /// this one: the lease must outlast the send, or a takeover would send it a second time.
    /// </summary>
    private async Task<bool> StillMineAsync(AppDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lease = options.Value.LeaseDuration;
        if (message.ClaimedUntil is { } until && until - now.ToUnixTimeMilliseconds() >= (long)(lease.TotalMilliseconds / 2))
        {
            return true;
        }
        var renewedUntil = (now + lease).ToUnixTimeMilliseconds();
        var renewed = 0;
        await WriteAsync(db, async () => renewed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.State == OutboxState.Sending && m.ClaimedBy == message.ClaimedBy)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, renewedUntil), ct), ct);
        return renewed == 1;
    }

    /// <summary>SQLite has one writer: result writes queue here instead of failing busy.</summary>
    private async Task WriteAsync(AppDbContext db, Func<Task> write, CancellationToken ct)
    {
        var serialize = !db.Database.IsNpgsql();
        if (serialize)
        {
            await sqliteWriter.WaitAsync(ct);
        }
        try
        {
            await write();
        }
        finally
        {
            if (serialize)
            {
                sqliteWriter.Release();
            }
        }
    }

    private async Task<List<long>> ClaimAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sql = OutboxSql.Claim(skipLocked: db.Database.IsNpgsql());
        // Each claim has its own token: a row that waited in this instance's queue past its lease and was claimed again
        // (by another instance, or by this one) is then recognisably someone else's, and is not sent twice.
        var token = $"{InstanceId}:{Interlocked.Increment(ref claims)}";
        return await db.Database.SqlQueryRaw<long>(sql,
            token,
            (now + options.Value.LeaseDuration).ToUnixTimeMilliseconds(),
            now.ToUnixTimeMilliseconds(),
            options.Value.BatchSize).ToListAsync(ct);
    }

    private async Task RecordAsync(IServiceProvider services, AppDbContext db, OutboxMessage message, DeliveryBatch batch, SendOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = db.Set<OutboxMessage>().Where(m => m.Id == message.Id);
        var mine = rows.Where(m => m.State == OutboxState.Sending && m.ClaimedBy == message.ClaimedBy);
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await MarkSentAsync(rows, sent.ActivityId, sent.ConversationId, sent.ConversationRowId, now, ct);
                metrics.Sent(message.Purpose);
                DeliveryLog.Sent(logger, message.Id, sent.ActivityId);
                break;
            case SendOutcome.Superseded superseded:
                await MarkSentAsync(rows, superseded.ActivityId, superseded.ConversationId, superseded.ConversationRowId, now, ct);
                DeliveryLog.Superseded(logger, message.Id);
                break;
            case SendOutcome.Deferred deferred:
                await Release(mine, deferred.Until, message.Attempts, message.LastError, ct);
                break;
            case SendOutcome.Throttled throttled:
                await Release(mine, now + throttled.RetryAfter, message.Attempts, throttled.Error, ct);
                metrics.Throttled(message.Purpose);
                DeliveryLog.Throttled(logger, message.Id, throttled.RetryAfter, throttled.TenantWide);
                break;
            case SendOutcome.Transient transient when message.Attempts + 1 < options.Value.MaxAttempts:
                var next = now + Backoff(message.Attempts + 1);
                await Release(mine, next, message.Attempts + 1, transient.Error, ct);
                metrics.Retried(message.Purpose);
                DeliveryLog.Retrying(logger, message.Id, message.Attempts + 1, transient.Error, next);
                break;
            case SendOutcome.Transient transient:
                await Park(mine, OutboxState.Failed, message.Attempts + 1, transient.Error, ct);
                metrics.Failed(message.Purpose);
                DeliveryLog.Failed(logger, message.Id, transient.Error);
                break;
            case SendOutcome.Failed failed:
                await Park(mine, OutboxState.Failed, message.Attempts + 1, failed.Reason, ct);
                metrics.Failed(message.Purpose);
                DeliveryLog.Failed(logger, message.Id, failed.Reason);
                break;
            case SendOutcome.Unreachable unreachable:
                var conversation = message.ConversationRowId is { } rowId ? batch.Conversation(rowId) : null;
                var key = MessageSender.RecipientKey(message, conversation);
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await Park(mine, OutboxState.Unreachable, message.Attempts + 1, unreachable.Reason, ct);
                    if (!batch.IsUnreachable(key))
                    {
                        await MarkRecipientAsync(services, db, message, conversation, key, unreachable.Reason, now, ct);
                    }
                    await transaction.CommitAsync(ct);
                }
                batch.MarkUnreachable(key);
                metrics.Unreachable(message.Purpose);
                break;
        }
    }

    /// <summary>Records the recipient once (the unique key decides between instances) and tells listeners in the same transaction.</summary>
    private async Task MarkRecipientAsync(IServiceProvider services, AppDbContext db, OutboxMessage message,
        Conversations.Conversation? conversation, string key, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var personId = message.PersonId ?? (key.StartsWith("person:", StringComparison.Ordinal) ? conversation?.PersonId : null);
        var recipient = new UnreachableRecipient
        {
            RecipientKey = key,
            TenantId = message.TenantId,
            ConversationRowId = message.ConversationRowId,
            PersonId = personId,
            Reason = reason,
            OutboxMessageId = message.Id,
            MarkedAt = now,
        };
        var inserted = await db.Database.ExecuteSqlRawAsync(OutboxSql.MarkUnreachable, OutboxSql.Arguments(
            recipient.RecipientKey, recipient.TenantId, recipient.ConversationRowId, recipient.PersonId, recipient.Reason, recipient.OutboxMessageId, recipient.MarkedAt), ct);
        if (inserted == 0)
        {
            return;
        }
        DeliveryLog.RecipientUnreachable(logger, key, reason);
        foreach (var listener in services.GetServices<IUnreachableRecipientListener>())
        {
            await listener.OnUnreachableAsync(recipient, ct);
        }
    }

    /// <summary>Not conditioned on the claim: a lapsed lease does not undo a send Teams accepted. The first result wins.</summary>
    private static Task<int> MarkSentAsync(IQueryable<OutboxMessage> rows, string activityId, string conversationId, long conversationRowId,
        DateTimeOffset now, CancellationToken ct) =>
        rows.Where(m => m.State != OutboxState.Sent).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.ActivityId, activityId)
            .SetProperty(m => m.SentConversationId, conversationId)
            .SetProperty(m => m.SentConversationRowId, conversationRowId)
            .SetProperty(m => m.SentAt, now.ToUnixTimeMilliseconds())
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (long?)null), ct);

    private static Task<int> Release(IQueryable<OutboxMessage> rows, DateTimeOffset next, int attempts, string? error, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.NextAttemptAt, next.ToUnixTimeMilliseconds())
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (long?)null), ct);

    private static Task<int> Park(IQueryable<OutboxMessage> rows, OutboxState state, int attempts, string reason, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, reason)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (long?)null), ct);

    /// <summary>Exponential, capped, with "equal jitter": between half and all of the step, so instances do not retry in lockstep.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var step = Math.Min(o.BackoffMax.TotalMilliseconds, o.BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(step / 2 + Random.Shared.NextDouble() * step / 2);
    }
}
