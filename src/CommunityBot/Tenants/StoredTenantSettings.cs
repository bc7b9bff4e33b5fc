using System.Collections.Concurrent;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Tenants;

/// <summary>
/// A tenant's settings: its stored row over the configured defaults, kept in memory per tenant. A save on this instance
/// drops the tenant's entry at once; other instances (scale-out) reload after <see cref="CacheLifetime"/>, so a change
/// reaches every instance within that time. Sweeps read settings once per tenant per run, so the row is read at most
/// once per tenant per lifetime, whatever the number of communities.
/// </summary>
internal sealed class StoredTenantSettings(IServiceScopeFactory scopes, ConfiguredTenantSettings configured, TimeProvider clock) : ITenantSettings
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> cache = new(StringComparer.Ordinal);

    /// <summary>Counts saves, so a load that read the row before a save cannot put the old values back after it.</summary>
    private long generation;

    public async Task<TenantSettings> ForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(tenantId, out var entry) && now - entry.LoadedAt < CacheLifetime && now >= entry.LoadedAt)
        {
            return entry.Settings;
        }
        var before = Interlocked.Read(ref generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Set<TenantSettingsRow>().AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
        var settings = TenantSettingsRules.Merge(configured.Defaults(tenantId), row);
        if (Interlocked.Read(ref generation) == before)
        {
            cache[tenantId] = new Entry(settings, now);
        }
        return settings;
    }

    /// <summary>After a save: the next read of any tenant on this instance sees the stored row.</summary>
    public void Invalidate(string tenantId)
    {
        Interlocked.Increment(ref generation);
        cache.TryRemove(tenantId, out _);
    }

    private sealed record Entry(TenantSettings Settings, DateTimeOffset LoadedAt);
}
