using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CommunityBot.Benchmarks;

/// <summary>A column of a bulk insert and its PostgreSQL type (SQLite takes the value as it is).</summary>
internal sealed record BulkColumn(string Name, NpgsqlDbType Type);

/// <summary>
/// Fast inserts of generated rows with explicit ids: COPY … FROM STDIN (BINARY) on PostgreSQL, one prepared INSERT
/// reused in one transaction per table on SQLite. Rows are streamed, never collected.
/// </summary>
internal static class BulkWriter
{
    public static BulkColumn Id(string name) => new(name, NpgsqlDbType.Bigint);

    public static BulkColumn Int(string name) => new(name, NpgsqlDbType.Integer);

    public static BulkColumn Text(string name) => new(name, NpgsqlDbType.Varchar);

    public static BulkColumn Bool(string name) => new(name, NpgsqlDbType.Boolean);

    public static BulkColumn Instant(string name) => new(name, NpgsqlDbType.TimestampTz);

    public static BulkColumn Interval(string name) => new(name, NpgsqlDbType.Interval);

    public static async Task<long> WriteAsync(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        long count = 0;
        if (connection is NpgsqlConnection postgres)
        {
            await using (var import = await postgres.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    await import.StartRowAsync();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (row[i] is null)
                        {
                            await import.WriteNullAsync();
                        }
                        else
                        {
                            await import.WriteAsync(row[i], columns[i].Type);
                        }
                    }
                    count++;
                }
                await import.CompleteAsync();
            }
            // Explicit ids leave the identity behind; anything inserted later continues after them.
            await using var sequence = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))", postgres);
            await sequence.ExecuteNonQueryAsync();
            return count;
        }
        var sqlite = (SqliteConnection)connection;
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var insert = sqlite.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync();
            count++;
        }
        await transaction.CommitAsync();
        return count;
    }
}
