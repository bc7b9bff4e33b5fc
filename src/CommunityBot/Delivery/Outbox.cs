using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Delivery;

/// <summary>
/// Stand-in for feat/delivery's outbox with the same contract: stores the message once per dedupe key. The
/// dispatcher that sends rows comes with feat/delivery; the merge takes that branch's version of this file.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider time)
{
    public async Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.DedupeKey == message.DedupeKey, ct))
        {
            return false;
        }
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            DedupeKey = message.DedupeKey,
            TenantId = message.TenantId,
            ConversationRowId = message.ConversationRowId,
            PersonId = message.PersonId,
            CardJson = message.Card?.ToJsonElement().GetRawText(),
            Text = message.Text,
            ReplacesDedupeKey = message.ReplacesDedupeKey,
            Purpose = message.Purpose,
            NextAttemptAt = (message.NotBefore is { } notBefore && notBefore > now ? notBefore : now).ToUnixTimeMilliseconds(),
            CreatedAt = now.ToUnixTimeMilliseconds(),
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    public Task<DeliveredMessage?> FindDeliveredAsync(string dedupeKey, CancellationToken ct) =>
        Task.FromResult<DeliveredMessage?>(null);
}
