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
