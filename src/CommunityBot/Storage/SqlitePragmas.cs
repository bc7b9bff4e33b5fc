using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityBot.Storage;

/// <summary>
/// WAL with synchronous=NORMAL: commits no longer wait for an fsync each (about 250 a second on a typical disk, which
/// capped the outbox at that rate), and a killed process still loses nothing committed; only a power cut can lose
/// the last commits. WAL also lets readers proceed while the dispatcher writes.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
