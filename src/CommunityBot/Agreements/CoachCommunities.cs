using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>Which communities a coach's command is about: the one of the team it was typed in, or all they coach.</summary>
public sealed class CoachCommunities(AppDbContext db, CommunityAccess access)
{
    public async Task<IReadOnlyList<Community>> ForAsync(Person actor, Activity activity, CancellationToken ct)
    {
        var teamId = activity.ChannelData?.Team?.Id;
        var candidates = teamId is not null
            ? await db.Communities.AsNoTracking().Where(c => c.TeamId == teamId).ToListAsync(ct)
            : await db.Communities.AsNoTracking()
                .Where(c => c.TenantId == actor.TenantId && c.Memberships.Any(m => m.PersonId == actor.Id && m.LeftAt == null))
                .OrderBy(c => c.Id).ToListAsync(ct);
        List<Community> managed = [];
        foreach (var community in candidates)
        {
            if (await access.CanManageAsync(actor, community.Id, ct))
            {
                managed.Add(community);
            }
        }
        return managed;
    }
}
