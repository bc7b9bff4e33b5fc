using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

/// <summary>Read side of sessions: each community's next session.</summary>
public sealed class SessionQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>The earliest planned session still to come, per community (absent when none is planned).</summary>
    public async Task<IReadOnlyDictionary<long, Session>> NextSessionsAsync(IEnumerable<long> communityIds, CancellationToken cancellationToken)
    {
        var ids = communityIds.ToList();
        var now = clock.GetUtcNow();
        // SQLite cannot compare DateTimeOffset columns, so the time filter runs here; planned sessions per community are few.
        var planned = await db.Sessions
            .Where(s => ids.Contains(s.CommunityId) && s.Status == SessionStatus.Planned)
            .ToListAsync(cancellationToken);
        return planned.Where(s => s.StartsAt > now)
            .GroupBy(s => s.CommunityId).ToDictionary(g => g.Key, g => g.MinBy(s => s.StartsAt)!);
    }
}
