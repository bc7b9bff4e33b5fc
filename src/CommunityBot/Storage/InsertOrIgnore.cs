using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommunityBot.Storage;

/// <summary>
/// The one insert-or-get: <c>INSERT … ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL alike), built from the EF model
/// so that column names and value conversions are those SaveChanges would write. When two requests create the same
/// row at once (Teams sends installationUpdate and conversationUpdate together) the second simply inserts nothing:
/// no exception, no error in the log. The caller then reads the row by its unique key.
/// </summary>
public static class InsertOrIgnore
{
    /// <summary>True when the row was inserted; false when a row with one of its unique keys already existed.</summary>
    public static async Task<bool> InsertOrIgnoreAsync<T>(this AppDbContext db, T entity, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        List<string> columns = [];
        List<object?> values = [];
        foreach (var property in entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never))
        {
            var value = property.PropertyInfo?.GetValue(entity);
            columns.Add($"\"{property.GetColumnName(table)}\"");
            values.Add(value is null ? null : property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value);
        }
        var sql = $"""
            INSERT INTO "{table.Name}" ({string.Join(", ", columns)})
            VALUES ({string.Join(", ", columns.Select((_, i) => $"{{{i}}}"))})
            ON CONFLICT DO NOTHING
            """;
        // EF sends a null argument as SQL NULL; the API is typed non-nullable only.
        return await db.Database.ExecuteSqlRawAsync(sql, values!, cancellationToken) == 1;
    }
}
