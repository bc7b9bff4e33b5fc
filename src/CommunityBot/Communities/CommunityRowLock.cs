using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>
/// Serialises changes to who runs a community: a no-op write locks the community's row until the transaction ends, so
/// two coaches demoting each other (or leaving) at once cannot both pass the "at least one coach" check on PostgreSQL.
/// SQLite already writes one transaction at a time.
/// </summary>
internal static class CommunityRowLock
{
    public static Task LockAsync(AppDbContext db, long communityId, CancellationToken ct) =>
        db.Communities.Where(c => c.Id == communityId).ExecuteUpdateAsync(set => set.SetProperty(c => c.Name, c => c.Name), ct);
}
