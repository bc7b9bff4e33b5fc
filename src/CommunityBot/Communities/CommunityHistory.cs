using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>The changes of communities' sheets and roles, newest last, for the leaders' digest ("phase changed since last week").</summary>
public static class CommunityHistory
{
    public static Task<IReadOnlyList<CommunityChange>> SinceAsync(
        AppDbContext db, IReadOnlyCollection<long> communityIds, DateTimeOffset since, CommunityChangeKind? kind, CancellationToken ct) =>
        SinceAsync(db.CommunityChanges.Where(c => communityIds.Contains(c.CommunityId)), since, kind, ct);

    /// <summary>The same for communities given as a query (e.g. a whole tenant's), so no list of ids becomes parameters.</summary>
    public static Task<IReadOnlyList<CommunityChange>> SinceAsync(
        AppDbContext db, IQueryable<long> communityIds, DateTimeOffset since, CommunityChangeKind? kind, CancellationToken ct) =>
        SinceAsync(db.CommunityChanges.Where(c => communityIds.Contains(c.CommunityId)), since, kind, ct);

    private static async Task<IReadOnlyList<CommunityChange>> SinceAsync(
        IQueryable<CommunityChange> changes, DateTimeOffset since, CommunityChangeKind? kind, CancellationToken ct) =>
        await changes.AsNoTracking()
            .Where(c => c.At >= since && (kind == null || c.Kind == kind))
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .ToListAsync(ct);
}
