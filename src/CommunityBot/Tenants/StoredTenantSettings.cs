using System.Collections.Concurrent;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Tenants;

/// <summary>
/// Every tenant's settings: its stored row over the configured defaults. The rows of all tenants (one small row each)
/// are read in one query and kept for <see cref="CacheLifetime"/>, so a sweep over many tenants costs at most one query
/// for their settings, and the minute sweeps one every other run. A save on this instance drops the cache at once;
/// other instances (scale-out) read the change within the lifetime: settings move moments hours or days ahead, so two
/// minutes late on another instance changes nothing anyone notices.
/// </summary>
internal sealed class StoredTenantSettings(IServiceScopeFactory scopes, ConfiguredTenantSettings configured, TimeProvider clock) : ITenantSettings
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(2);

    private Snapshot? snapshot;

    /// <summary>Counts saves, so a load that read the rows before a save cannot put the old values back after it.</summary>
    private long generation;

    public async Task<TenantSettings> ForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = Volatile.Read(ref snapshot);
        if (current is null || now - current.LoadedAt >= CacheLifetime || now < current.LoadedAt)
        {
            current = await LoadAsync(now, cancellationToken);
        }
        return current.Merged.GetOrAdd(tenantId, id => TenantSettingsRules.Merge(configured.Defaults(id), current.Rows.GetValueOrDefault(id)));
    }

    /// <summary>After a save: the next read on this instance sees the stored row.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref snapshot, null);
    }

    private async Task<Snapshot> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = Interlocked.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<TenantSettingsRow>().AsNoTracking().ToDictionaryAsync(r => r.TenantId, StringComparer.Ordinal, cancellationToken);
        var loaded = new Snapshot(rows, now);
        if (Interlocked.Read(ref generation) == before)
        {
            Volatile.Write(ref snapshot, loaded);
        }
        return loaded;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, TenantSettingsRow> Rows, DateTimeOffset LoadedAt)
    {
        public ConcurrentDictionary<string, TenantSettings> Merged { get; } = new(StringComparer.Ordinal);
    }
}
