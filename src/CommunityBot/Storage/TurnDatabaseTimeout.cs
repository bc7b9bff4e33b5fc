using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Storage;

/// <summary>
/// Before anything of a turn touches the database: its commands, and on SQLite its wait for another writer's lock, are
/// bounded by <see cref="StorageOptions.RequestTimeout"/> instead of the providers' 30 s, so a database that is down or
/// busy costs a turn seconds and an answer of 503 (<see cref="DatabaseUnavailableMiddleware"/>). Sweeps and imports keep
/// the providers' defaults. On SQLite the turn's writes also go first through this instance's write gate.
/// </summary>
internal sealed class TurnDatabaseTimeout(AppDbContext db, SqliteWriteGate writes, IOptions<StorageOptions> options) : ITurnMiddleware
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        var timeout = options.Value.RequestTimeout;
        db.Database.SetCommandTimeout(timeout);
        // Microsoft.Data.Sqlite begins a transaction (BEGIN IMMEDIATE) with the connection's own timeout, not the command's.
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            sqlite.DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
            writes.Prioritise(db, WritePriority.Interactive);
        }
        else
        {
            // One connection for the turn's twenty-odd statements: EF Core otherwise takes one from the pool per query,
            // and each one taken is reset on the server first. Closed with the turn's DbContext.
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        return await next(turn, cancellationToken);
    }
}
