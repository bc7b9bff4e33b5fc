using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>The changes of communities' sheets and roles, newest last, for the leaders' digest ("phase changed since last week").</summary>
public static class CommunityHistory
{
    public static async Task<IReadOnlyList<CommunityChange>> SinceAsync(
        AppDbContext db, IReadOnlyCollection<long> communityIds, DateTimeOffset since, CommunityChangeKind? kind, CancellationToken ct) =>
        await db.CommunityChanges.AsNoTracking()
            .Where(c => communityIds.Contains(c.CommunityId) && c.At >= since && (kind == null || c.Kind == kind))
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .ToListAsync(ct);
}
