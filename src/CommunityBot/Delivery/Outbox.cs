using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Delivery;

/// <summary>The one way features send proactive messages: store it, and the dispatcher delivers it once.</summary>
public sealed class Outbox(AppDbContext db, TimeProvider time, OutboxCommitWaker waker, ILogger<Outbox> logger)
{
    /// <summary>
    /// True when stored; false when a message with that dedupe key already exists (nothing changes). Runs on the
    /// context's connection, so it joins the caller's open transaction.
    /// </summary>
    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.DedupeKey);
        if ((message.ConversationRowId is null) == (message.PersonId is null))
        {
            throw new ArgumentException("Give exactly one of ConversationRowId and PersonId.", nameof(message));
        }
        if (message.Card is null && string.IsNullOrEmpty(message.Text))
        {
            throw new ArgumentException("A message needs a card or a text.", nameof(message));
        }

        var now = time.GetUtcNow();
        var due = message.NotBefore is { } notBefore && notBefore > now ? notBefore : now;
        var stored = await db.Database.ExecuteSqlRawAsync(OutboxSql.Enqueue, OutboxSql.Arguments(
            message.DedupeKey,
            message.TenantId,
            message.ConversationRowId,
            message.PersonId,
            message.Card?.ToJsonElement().GetRawText(),
            message.Text,
            message.ReplacesDedupeKey,
            message.Purpose,
            (int)message.Priority,
            due.ToUnixTimeMilliseconds(),
            now.ToUnixTimeMilliseconds()), ct) == 1;

        if (stored)
        {
            waker.WakeAfterCommit(db);
        }
        else
        {
            DeliveryLog.AlreadyEnqueued(logger, message.DedupeKey);
        }
        return stored;
    }

    /// <summary>
    /// Which of these dedupe keys are already in the outbox (in any state). Sweeps ask this before building a card, so
    /// a message that was handed over once costs one indexed lookup per run, not a rebuilt card.
    /// </summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<string> dedupeKeys, CancellationToken ct)
    {
        if (dedupeKeys.Count == 0)
        {
            return new HashSet<string>();
        }
        var found = await db.Set<OutboxMessage>().AsNoTracking().Where(m => dedupeKeys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> ExistsAsync(string dedupeKey, CancellationToken ct) =>
        (await ExistingAsync([dedupeKey], ct)).Count > 0;

    /// <summary>How many messages whose dedupe key starts with <paramref name="keyPrefix"/> were enqueued for a person since a moment.</summary>
    public Task<int> CountForPersonSinceAsync(string keyPrefix, long personId, DateTimeOffset since, CancellationToken ct)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        return db.Set<OutboxMessage>().AsNoTracking()
            .CountAsync(m => m.PersonId == personId && m.DedupeKey.StartsWith(keyPrefix) && m.CreatedAt >= sinceMs, ct);
    }

    /// <summary>
    /// Removes a person's messages of one purpose that wait for delivery, in the caller's transaction: they were
    /// decided for someone who has since said no. A message already claimed for sending is beyond recall.
    /// </summary>
    public Task<int> WithdrawPendingAsync(long personId, string purpose, CancellationToken ct) =>
        db.Set<OutboxMessage>()
            .Where(m => m.PersonId == personId && m.Purpose == purpose && m.State == OutboxState.Pending)
            .ExecuteDeleteAsync(ct);

    /// <summary>Whether an update of the message <paramref name="dedupeKey"/> still waits to be sent (or is being sent).</summary>
    public Task<bool> UpdateWaitsAsync(string dedupeKey, CancellationToken ct) =>
        db.Set<OutboxMessage>().AnyAsync(m => m.ReplacesDedupeKey == dedupeKey && (m.State == OutboxState.Pending || m.State == OutboxState.Sending), ct);

    /// <summary>The Teams activity a delivered message produced; null while it is not (or never will be) sent.</summary>
    public async Task<DeliveredMessage?> FindDeliveredAsync(string dedupeKey, CancellationToken ct)
    {
        var row = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DedupeKey == dedupeKey && m.State == OutboxState.Sent)
            .Select(m => new { m.DedupeKey, m.ActivityId, m.SentConversationId, m.SentConversationRowId, m.SentAt })
            .SingleOrDefaultAsync(ct);
        return row is { ActivityId: { } activityId, SentConversationId: { } conversationId, SentAt: { } sentAt }
            ? new DeliveredMessage(row.DedupeKey, activityId, conversationId, row.SentConversationRowId, DateTimeOffset.FromUnixTimeMilliseconds(sentAt))
            : null;
    }
}
