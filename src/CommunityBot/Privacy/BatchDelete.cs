using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Privacy;

/// <summary>
/// Deletes a thousand rows at a time (<c>DELETE … WHERE "Id" IN (SELECT "Id" … ORDER BY "Id" LIMIT 1000)</c>, the same SQL
/// on SQLite and PostgreSQL) until a batch comes back short, so no delete holds one long transaction over a big tenant.
/// </summary>
internal static class BatchDelete
{
    public const int BatchSize = 1000;

    /// <summary>Returns how many rows went. Every table deleted this way has a <c>long Id</c> key.</summary>
    public static async Task<int> InBatchesAsync<T>(DbSet<T> set, Expression<Func<T, bool>> due, CancellationToken ct, int batchSize = BatchSize)
        where T : class
    {
        var batch = set.Where(due).OrderBy(x => EF.Property<long>(x, "Id")).Take(batchSize).Select(x => EF.Property<long>(x, "Id"));
        var total = 0;
        while (true)
        {
            var deleted = await set.Where(x => batch.Contains(EF.Property<long>(x, "Id"))).ExecuteDeleteAsync(ct);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }
}
