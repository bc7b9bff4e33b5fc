using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>
/// Server-side role checks. Every card action and command asks here with the actor resolved from the activity
/// (never from data echoed by a card).
/// </summary>
public sealed class CommunityAccess(AppDbContext db)
{
    /// <summary>The person's current role in the community, or null when they are not (or no longer) in it.</summary>
    public async Task<CommunityRole?> RoleAsync(long personId, long communityId, CancellationToken cancellationToken) =>
        await db.Memberships
            .Where(m => m.PersonId == personId && m.CommunityId == communityId && m.LeftAt == null)
            .Select(m => (CommunityRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Coaches (and their coach-the-coach) run a community; tenant admins may too.</summary>
    public async Task<bool> CanManageAsync(Person actor, long communityId, CancellationToken cancellationToken) =>
        await IsAdminOfCommunityTenantAsync(actor, communityId, cancellationToken)
        || await RoleAsync(actor.Id, communityId, cancellationToken) is CommunityRole.Coach or CommunityRole.CoachTheCoach;

    public async Task<bool> IsMemberAsync(Person actor, long communityId, CancellationToken cancellationToken) =>
        await RoleAsync(actor.Id, communityId, cancellationToken) is not null;

    private async Task<bool> IsAdminOfCommunityTenantAsync(Person actor, long communityId, CancellationToken cancellationToken) =>
        actor.IsTenantAdmin && await db.Communities.AnyAsync(c => c.Id == communityId && c.TenantId == actor.TenantId, cancellationToken);
}
