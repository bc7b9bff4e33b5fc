using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Who may send which outbox row: claims due rows under a lease, renews a claim that waited too long, and says when
/// something next falls due. Each claim carries its own token, so a row claimed again meanwhile (by another instance,
/// or by this one) is recognisably someone else's and is not sent twice.
/// </summary>
public sealed class OutboxClaims(
    IServiceScopeFactory scopes, SqliteWriteGate writes, DeliveryPause pause, DeliveryMetrics metrics, TimeProvider time,
    IOptions<DeliveryOptions> options, ILogger<OutboxClaims> logger)
{
    private long claims;

    /// <summary>Identifies this instance's claims; a restarted process is a new instance and waits for its old leases to lapse.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The next batch with everything its rows refer to; null when nothing is due or delivery is paused.</summary>
    public async Task<DeliveryBatch?> ClaimBatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (pause.IsPaused(now))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = $"{InstanceId}:{Interlocked.Increment(ref claims)}";
        var ids = await db.Database.SqlQueryRaw<long>(OutboxSql.Claim(skipLocked: db.Database.IsNpgsql()),
            token,
            (now + options.Value.LeaseDuration).ToUnixTimeMilliseconds(),
            now.ToUnixTimeMilliseconds(),
            options.Value.BatchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }
        DeliveryLog.Claimed(logger, InstanceId, ids.Count);
        return await DeliveryBatch.LoadAsync(db, ids, ct);
    }

    /// <summary>
    /// A row that waited in the queue for more than half its lease is renewed first, and only if its claim is still
    /// this one: the lease must outlast the send, or a takeover would send it a second time.
    /// </summary>
    public async Task<bool> StillMineAsync(AppDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lease = options.Value.LeaseDuration;
        if (message.ClaimedUntil is { } until && until - now.ToUnixTimeMilliseconds() >= (long)(lease.TotalMilliseconds / 2))
        {
            return true;
        }
        var renewedUntil = (now + lease).ToUnixTimeMilliseconds();
        var renewed = await writes.WriteAsync(db, () => db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.State == OutboxState.Sending && m.ClaimedBy == message.ClaimedBy)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, renewedUntil), ct), ct);
        return renewed == 1;
    }

    /// <summary>When something next becomes due (a retry, a NotBefore, a lapsing lease, the end of a pause); null when the outbox is idle.</summary>
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
        var now = time.GetUtcNow();
        metrics.QueueAge(nextPending is { } due ? now - DateTimeOffset.FromUnixTimeMilliseconds(due) : TimeSpan.Zero);
        if (next is not { } ms)
        {
            return null;
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        // Rows due during a pause wait for its end; the worker must not spin on them.
        return pause.PausedUntil(now) is { } until && until > at ? until : at;
    }
}
