using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

/// <summary>Read side of sessions: each community's next session, or all its planned ones.</summary>
public sealed class SessionQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>The earliest planned session still to come, per community (absent when none is planned).</summary>
    public async Task<IReadOnlyDictionary<long, Session>> NextSessionsAsync(IEnumerable<long> communityIds, CancellationToken cancellationToken)
    {
        var ids = communityIds.ToList();
        var now = clock.GetUtcNow();
        var planned = await db.Sessions
            .Where(s => ids.Contains(s.CommunityId) && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .ToListAsync(cancellationToken);
        return planned.GroupBy(s => s.CommunityId).ToDictionary(g => g.Key, g => g.MinBy(s => s.StartsAt)!);
    }

    /// <summary>Every planned session still to come, per community, earliest first (absent when none is planned).</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<Session>>> UpcomingSessionsAsync(IEnumerable<long> communityIds, CancellationToken cancellationToken)
    {
        var ids = communityIds.ToList();
        var now = clock.GetUtcNow();
        var planned = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.CommunityId) && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .ToListAsync(cancellationToken);
        return planned.GroupBy(s => s.CommunityId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Session>)[.. g.OrderBy(s => s.StartsAt)]);
    }
}
