using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CommunityBot.Storage;

/// <summary>
/// Tells "the database cannot be used now" (down, restarting, unreachable, out of connections, timed out, SQLite's
/// file locked by another writer) from a bug or a refused value: the first is worth a retry later, the second is not.
/// </summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>True when this exception, or one it wraps (EF Core wraps the provider's), says the database is unavailable.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked;
                // Npgsql marks network failures, timeouts and the server's shutdown/too-many-connections states as
                // transient; a constraint or an invalid value (a PostgresException of another state) is not.
                case DbException database:
                    return database.IsTransient;
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
