using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

/// <summary>Read side of sessions: which communities someone coaches, and each community's next session.</summary>
public sealed class SessionQueries(AppDbContext db, TimeProvider clock)
{
    /// <summary>Communities the person may plan for: those they coach, or every community of the tenant for an admin.</summary>
    public async Task<IReadOnlyList<Community>> ManagedCommunitiesAsync(Person person, CancellationToken cancellationToken) =>
        person.IsTenantAdmin
            ? await db.Communities.Where(c => c.TenantId == person.TenantId).OrderBy(c => c.Name).ToListAsync(cancellationToken)
            : await db.Memberships
                .Where(m => m.PersonId == person.Id && m.LeftAt == null && (m.Role == CommunityRole.Coach || m.Role == CommunityRole.CoachTheCoach))
                .Select(m => m.Community).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>Communities the person is in now (any role), limited to one team's community when asked in its channel.</summary>
    public async Task<IReadOnlyList<Community>> CommunitiesOfAsync(Person person, string? teamId, CancellationToken cancellationToken) =>
        await db.Memberships
            .Where(m => m.PersonId == person.Id && m.LeftAt == null && (teamId == null || m.Community.TeamId == teamId))
            .Select(m => m.Community).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<Community?> CommunityOfTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        db.Communities.SingleOrDefaultAsync(c => c.TenantId == tenantId && c.TeamId == teamId, cancellationToken);

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
}
