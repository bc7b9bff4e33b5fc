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
    /// <summary>Teams' longest per-conversation window but the hour's, and a margin: see <see cref="OutboxSql.Claim"/>.</summary>
    private static readonly TimeSpan ConversationQuiet = TimeSpan.FromSeconds(31);

    private long claims;

    /// <summary>Identifies this instance's claims; a restarted process is a new instance and waits for its old leases to lapse.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// The next batch with everything its rows refer to; null when nothing is due or delivery is paused.
    /// <paramref name="lowest"/> leaves out rows of a lower priority (the dispatcher's quick look for interactive rows).
    /// </summary>
    public async Task<DeliveryBatch?> ClaimBatchAsync(CancellationToken ct, DeliveryPriority lowest = DeliveryPriority.Bulk)
    {
        var now = time.GetUtcNow();
        if (pause.IsPaused(now))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = $"{InstanceId}:{Interlocked.Increment(ref claims)}";
        var o = options.Value;
        object[] arguments =
        [
            token,
            (now + o.LeaseDuration).ToUnixTimeMilliseconds(),
            now.ToUnixTimeMilliseconds(),
            o.BatchSize,
            PerTenant(o),
            (int)lowest,
            $"{InstanceId}:",
            (now - ConversationQuiet).ToUnixTimeMilliseconds(),
        ];
        var ids = db.Database.IsNpgsql() ? await ClaimOnPostgresAsync(db, arguments, ct) : await db.Database.SqlQueryRaw<long>(OutboxSql.Claim(postgres: false), arguments[..6]).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }
        DeliveryLog.Claimed(logger, InstanceId, ids.Count);
        return await DeliveryBatch.LoadAsync(db, ids, ct);
    }

    /// <summary>Under the claim lock, so that no two instances take rows of one conversation at once.</summary>
    private static async Task<List<long>> ClaimOnPostgresAsync(AppDbContext db, object[] arguments, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(OutboxSql.ClaimLock, ct);
        var ids = await db.Database.SqlQueryRaw<long>(OutboxSql.Claim(postgres: true), arguments).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return ids;
    }

    /// <summary>What the tenant's budget sends in about a second: more of one tenant in a batch would only wait.</summary>
    private static int PerTenant(DeliveryOptions o) => Math.Max(1, (int)Math.Ceiling(o.TenantRequestsPerSecond));

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
