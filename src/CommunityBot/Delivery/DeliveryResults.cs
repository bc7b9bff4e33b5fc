using CommunityBot.Conversations;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Turns one send's outcome into its outbox row's next state, in its own statement right after the HTTP call (so a
/// crash repeats at most the sends then in flight). One per scope: the listeners share its DbContext and transaction.
/// </summary>
public sealed class DeliveryResults(
    AppDbContext db,
    IEnumerable<IUnreachableRecipientListener> listeners,
    SqliteWriteGate writes,
    DeliveryPause pause,
    DeliveryMetrics metrics,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryResults> logger)
{
    public Task RecordAsync(OutboxMessage message, DeliveryBatch batch, SendOutcome outcome, CancellationToken ct) =>
        writes.WriteAsync(db, async () =>
        {
            await WriteAsync(message, batch, outcome, ct);
            return 0;
        }, ct);

    private async Task WriteAsync(OutboxMessage message, DeliveryBatch batch, SendOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = db.Set<OutboxMessage>().Where(m => m.Id == message.Id);
        var mine = rows.Where(m => m.State == OutboxState.Sending && m.ClaimedBy == message.ClaimedBy);
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await MarkSentAsync(rows, message.ClaimedBy, sent.ActivityId, sent.ConversationId, sent.ConversationRowId, now, ct);
                metrics.Sent(message.Purpose);
                DeliveryLog.Sent(logger, message.Id, sent.ActivityId);
                if (pause.Resume())
                {
                    DeliveryLog.CredentialsAccepted(logger);
                }
                break;
            case SendOutcome.Superseded superseded:
                await MarkSentAsync(rows, message.ClaimedBy, superseded.ActivityId, superseded.ConversationId, superseded.ConversationRowId, now, ct);
                DeliveryLog.Superseded(logger, message.Id);
                break;
            case SendOutcome.Deferred deferred:
                await ReleaseAsync(mine, deferred.Until, message.Attempts, message.LastError, ct);
                break;
            case SendOutcome.Throttled throttled:
                await ReleaseAsync(mine, now + throttled.RetryAfter, message.Attempts, throttled.Error, ct);
                metrics.Throttled(message.Purpose);
                DeliveryLog.Throttled(logger, message.Id, throttled.RetryAfter, throttled.TenantWide);
                break;
            case SendOutcome.CredentialsRejected rejected:
                var until = pause.Pause(out var first);
                await ReleaseAsync(mine, until, message.Attempts, rejected.Error, ct);
                if (first)
                {
                    DeliveryLog.CredentialsRejected(logger, rejected.Error, until);
                }
                break;
            case SendOutcome.Transient transient when message.Attempts + 1 < options.Value.MaxAttempts:
                var next = now + Backoff(message.Attempts + 1);
                await ReleaseAsync(mine, next, message.Attempts + 1, transient.Error, ct);
                metrics.Retried(message.Purpose);
                DeliveryLog.Retrying(logger, message.Id, message.Attempts + 1, transient.Error, next);
                break;
            case SendOutcome.Transient transient:
                await ParkAsync(mine, OutboxState.Failed, message.Attempts + 1, transient.Error, ct);
                metrics.Failed(message.Purpose);
                DeliveryLog.Failed(logger, message.Id, transient.Error);
                break;
            case SendOutcome.Failed failed:
                await ParkAsync(mine, OutboxState.Failed, message.Attempts + 1, failed.Reason, ct);
                metrics.Failed(message.Purpose);
                DeliveryLog.Failed(logger, message.Id, failed.Reason);
                break;
            case SendOutcome.Unreachable unreachable:
                await UnreachableAsync(message, batch, unreachable.Reason, now, mine, ct);
                metrics.Unreachable(message.Purpose);
                break;
        }
    }

    private async Task UnreachableAsync(OutboxMessage message, DeliveryBatch batch, string reason, DateTimeOffset now, IQueryable<OutboxMessage> mine, CancellationToken ct)
    {
        var conversation = message.ConversationRowId is { } rowId ? batch.Conversation(rowId) : null;
        var key = RecipientResolver.RecipientKey(message, conversation);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ParkAsync(mine, OutboxState.Unreachable, message.Attempts + 1, reason, ct);
            if (!batch.IsUnreachable(key))
            {
                await MarkRecipientAsync(message, conversation, key, reason, now, ct);
            }
            await transaction.CommitAsync(ct);
        }
        batch.MarkUnreachable(key);
    }

    /// <summary>Records the recipient once (the unique key decides between instances) and tells listeners in the same transaction.</summary>
    private async Task MarkRecipientAsync(OutboxMessage message, Conversation? conversation, string key, string reason, DateTimeOffset now, CancellationToken ct)
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
        foreach (var listener in listeners)
        {
            await listener.OnUnreachableAsync(recipient, ct);
        }
    }

    /// <summary>
    /// Not conditioned on the claim: a lapsed lease does not undo a send Teams accepted. The first result wins. The claim
    /// that sent it stays on the row: on PostgreSQL it keeps the conversation with this instance for a while (see
    /// <see cref="OutboxSql.Claim"/>).
    /// </summary>
    private static Task<int> MarkSentAsync(IQueryable<OutboxMessage> rows, string? claimedBy, string activityId, string conversationId, long conversationRowId,
        DateTimeOffset now, CancellationToken ct) =>
        rows.Where(m => m.State != OutboxState.Sent).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.ActivityId, activityId)
            .SetProperty(m => m.SentConversationId, conversationId)
            .SetProperty(m => m.SentConversationRowId, conversationRowId)
            .SetProperty(m => m.SentAt, now.ToUnixTimeMilliseconds())
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimedBy, claimedBy)
            .SetProperty(m => m.ClaimedUntil, (long?)null), ct);

    private static Task<int> ReleaseAsync(IQueryable<OutboxMessage> rows, DateTimeOffset next, int attempts, string? error, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.NextAttemptAt, next.ToUnixTimeMilliseconds())
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (long?)null), ct);

    private static Task<int> ParkAsync(IQueryable<OutboxMessage> rows, OutboxState state, int attempts, string reason, CancellationToken ct) =>
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
