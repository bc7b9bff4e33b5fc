using System.Data.Common;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Tests;

/// <summary>
/// Every row of every table of the application database as one line of text ("table: column=value | ..."), in a
/// stable order, to assert that an action changed nothing.
/// </summary>
public static class DatabaseSnapshot
{
    /// <param name="except">Tables whose rows may change, e.g. the activity claims every request writes.</param>
    public static Task<List<string>> TakeAsync(BotApplication app, params string[] except) =>
        app.QueryAsync(async db =>
        {
            var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
                .Distinct().Where(t => !except.Contains(t)).Order().ToList();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var snapshot = new List<string>();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                snapshot.AddRange((await RowsAsync(reader)).Select(row => $"{table}: {row}").Order(StringComparer.Ordinal));
            }
            return snapshot;
        });

    private static async Task<List<string>> RowsAsync(DbDataReader reader)
    {
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
        }
        return rows;
    }
}
