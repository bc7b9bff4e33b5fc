using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Delivery;

/// <summary>
/// SQLite has one writer at a time and makes the others sleep and retry; queueing this instance's outbox writes here
/// instead is several times faster. PostgreSQL writes in parallel and passes straight through.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim writer = new(1, 1);

    public async Task<T> WriteAsync<T>(AppDbContext db, Func<Task<T>> write, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await write();
        }
        await writer.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            writer.Release();
        }
    }
}
