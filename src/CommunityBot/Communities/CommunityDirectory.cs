using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>
/// Who runs and who is in which community, answered one way for every feature: coaches and coaches-the-coach run
/// their communities, a tenant admin runs every community of the tenant. Card actions and commands ask here with the
/// actor resolved from the activity, never with data echoed by a card.
/// </summary>
public sealed class CommunityDirectory(AppDbContext db)
{
    /// <summary>The person's current role in the community, or null when they are not (or no longer) in it.</summary>
    public async Task<CommunityRole?> RoleAsync(long personId, long communityId, CancellationToken cancellationToken) =>
        await db.Memberships
            .Where(m => m.PersonId == personId && m.CommunityId == communityId && m.LeftAt == null)
            .Select(m => (CommunityRole?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> CanManageAsync(Person actor, long communityId, CancellationToken cancellationToken) =>
        await Runs(actor, db.Communities.Where(c => c.Id == communityId)).AnyAsync(cancellationToken);

    public async Task<bool> IsMemberAsync(Person actor, long communityId, CancellationToken cancellationToken) =>
        await RoleAsync(actor.Id, communityId, cancellationToken) is not null;

    /// <summary>The communities the person runs, by name; asked in a team's channel, only that team's community.</summary>
    public async Task<IReadOnlyList<Community>> RunByAsync(Person actor, string? teamId, CancellationToken cancellationToken) =>
        await Runs(actor, InTeam(db.Communities.AsNoTracking(), teamId)).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>The communities the person is in now (any role), by name; asked in a team's channel, only that team's community.</summary>
    public async Task<IReadOnlyList<Community>> MemberOfAsync(Person person, string? teamId, CancellationToken cancellationToken) =>
        await InTeam(db.Communities.AsNoTracking(), teamId)
            .Where(c => c.TenantId == person.TenantId && c.Memberships.Any(m => m.PersonId == person.Id && m.LeftAt == null))
            .OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The roles the person has where they typed: in a team's channel that team's community, in their own chat every
    /// community they are in. What the help card and the greeting offer them follows from it.
    /// </summary>
    public async Task<IReadOnlySet<CommunityRole>> RolesAsync(Person person, string? teamId, CancellationToken cancellationToken) =>
        (await InTeam(db.Communities.AsNoTracking(), teamId)
            .Where(c => c.TenantId == person.TenantId)
            .SelectMany(c => c.Memberships.Where(m => m.PersonId == person.Id && m.LeftAt == null).Select(m => m.Role))
            .Distinct().ToListAsync(cancellationToken)).ToHashSet();

    public Task<Community?> OfTeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.TenantId == tenantId && c.TeamId == teamId, cancellationToken);

    /// <summary>The one rule of who runs a community, as a filter so that lists and single checks cannot differ.</summary>
    private static IQueryable<Community> Runs(Person actor, IQueryable<Community> communities)
    {
        communities = communities.Where(c => c.TenantId == actor.TenantId);
        return actor.IsTenantAdmin
            ? communities
            : communities.Where(c => c.Memberships.Any(m => m.PersonId == actor.Id && m.LeftAt == null
                && (m.Role == CommunityRole.Coach || m.Role == CommunityRole.CoachTheCoach)));
    }

    private static IQueryable<Community> InTeam(IQueryable<Community> communities, string? teamId) =>
        teamId is null ? communities : communities.Where(c => c.TeamId == teamId);
}
