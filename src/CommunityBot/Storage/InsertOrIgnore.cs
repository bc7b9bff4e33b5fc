using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityBot.Storage;

/// <summary>
/// The one insert-or-get: <c>INSERT … ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL alike), built from the EF model
/// so that table, schema, column names and value conversions are those SaveChanges would write. When two requests
/// create the same row at once (Teams sends installationUpdate and conversationUpdate together) the second simply
/// inserts nothing: no exception, no error in the log. The caller then reads the row by its unique key, or lets
/// <see cref="InsertOrGetAsync"/> do so.
/// </summary>
public static class InsertOrIgnore
{
    /// <summary>True when the row was inserted; false when a row with one of its unique keys already existed.</summary>
    public static async Task<bool> InsertOrIgnoreAsync<T>(this DbContext db, T entity, CancellationToken cancellationToken)
        where T : class =>
        await db.InsertOrIgnoreRangeAsync([entity], cancellationToken) == 1;

    /// <summary>
    /// Several rows in as few statements as the providers' parameter limits allow; each row that would break a unique key
    /// is skipped. Returns how many rows were inserted.
    /// </summary>
    public static async Task<int> InsertOrIgnoreRangeAsync<T>(this DbContext db, IReadOnlyCollection<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        var statement = new Insert(db, typeof(T));
        var inserted = 0;
        foreach (var chunk in entities.Chunk(statement.RowsPerStatement))
        {
            var (sql, values) = statement.Sql(chunk);
            // EF sends a null argument as SQL NULL; the API is typed non-nullable only.
            inserted += await db.Database.ExecuteSqlRawAsync(sql, values!, cancellationToken);
        }
        return inserted;
    }

    /// <summary>
    /// Inserts the rows that are new by the unique index on <paramref name="key"/> and sets every row's generated key:
    /// the new row's, or that of the row that already holds its key, stored before or by another writer a moment ago (on
    /// PostgreSQL the insert waits for that writer's transaction, then reads the row in a second statement, which sees
    /// it). So a race ends with one row and both writers knowing its id, without an error. Returns for each row whether
    /// it was inserted. The key's values must not be null, and rows of one key get one id.
    /// </summary>
    public static async Task<bool[]> InsertOrGetAsync<T>(
        this DbContext db, IReadOnlyList<T> entities, Expression<Func<T, object?>> key, CancellationToken cancellationToken)
        where T : class
    {
        var (statement, keys) = Keyed(db, entities, key);
        if (statement.EntityType.FindIndex(keys) is not { IsUnique: true })
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no unique index on {string.Join(", ", keys.Select(k => k.Name))}.");
        }
        var found = await statement.InsertReturningAsync(db, keys, entities, cancellationToken);
        var returned = statement.Returned(keys);
        var missing = entities.Select(e => statement.KeyValues(keys, e)).Where(k => !found.ContainsKey(KeyOf(k))).Distinct(KeyComparer).ToList();
        foreach (var chunk in missing.Chunk(Math.Max(1, Insert.Parameters / keys.Count)))
        {
            List<object?> values = [];
            var matches = chunk.Select(k => $"({string.Join(" AND ", keys.Select((p, i) =>
            {
                values.Add(k[i]);
                return $"{statement.Column(p)} = {{{values.Count - 1}}}";
            }))})");
            var sql = $"SELECT {returned} FROM {statement.Table} WHERE {string.Join(" OR ", matches)}";
            foreach (var row in await db.Database.SqlQueryRaw<KeyedId>(sql, values.ToArray()!).ToListAsync(cancellationToken))
            {
                found[row.Key] = (row.Id, false);
            }
        }
        return statement.SetIds(keys, entities, found);
    }

    /// <summary>
    /// Inserts every row, in as few statements as the parameter limits allow, and sets each one's generated key, matched
    /// by <paramref name="key"/>. For rows no unique index guards (people known by e-mail alone, which the caller writes
    /// under a lock of its own): the key's values must differ from row to row and must not be null.
    /// </summary>
    public static async Task InsertAllAsync<T>(
        this DbContext db, IReadOnlyList<T> entities, Expression<Func<T, object?>> key, CancellationToken cancellationToken)
        where T : class
    {
        var (statement, keys) = Keyed(db, entities, key);
        statement.SetIds(keys, entities, await statement.InsertReturningAsync(db, keys, entities, cancellationToken));
    }

    private static (Insert Statement, List<IProperty> Keys) Keyed<T>(DbContext db, IReadOnlyList<T> entities, Expression<Func<T, object?>> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(key);
        var statement = new Insert(db, typeof(T));
        var keys = key.GetMemberAccessList().Select(m => statement.EntityType.FindProperty(m)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{m.Name} is not a mapped property.")).ToList();
        return (statement, keys);
    }

    /// <summary>A row's generated key and its unique key's values as one text (<see cref="Insert.KeyText"/>).</summary>
    private sealed class KeyedId
    {
        public long Id { get; init; }

        public string Key { get; init; } = "";
    }

    /// <summary>
    /// Key values are joined with a control character, which no stored text can hold (<see cref="StoredTextConverter"/>),
    /// so no two keys read alike.
    /// </summary>
    private const char KeySeparator = '\u001f';

    private static string KeyOf(object?[] values) =>
        string.Join(KeySeparator, values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static readonly IEqualityComparer<object?[]> KeyComparer =
        EqualityComparer<object?[]>.Create((a, b) => KeyOf(a!) == KeyOf(b!), k => KeyOf(k).GetHashCode(StringComparison.Ordinal));

    /// <summary>One entity type's multi-row INSERT … ON CONFLICT DO NOTHING, as SaveChanges would write its columns.</summary>
    private sealed class Insert
    {
        /// <summary>SQLite allows 32,766 parameters in one statement, PostgreSQL 65,535.</summary>
        public const int Parameters = 30_000;

        private readonly ISqlGenerationHelper sqlHelper;
        private readonly StoreObjectIdentifier table;
        private readonly List<IProperty> properties;
        private readonly string columns;

        public Insert(DbContext db, Type type)
        {
            EntityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            table = StoreObjectIdentifier.Table(EntityType.GetTableName()!, EntityType.GetSchema());
            sqlHelper = db.GetService<ISqlGenerationHelper>();
            properties = InsertedProperties(EntityType);
            columns = string.Join(", ", properties.Select(Column));
            RowsPerStatement = Math.Max(1, Parameters / Math.Max(1, properties.Count));
        }

        public IEntityType EntityType { get; }

        public int RowsPerStatement { get; }

        public string Table => sqlHelper.DelimitIdentifier(table.Name, table.Schema);

        public string Column(IProperty property) => sqlHelper.DelimitIdentifier(property.GetColumnName(table)!);

        /// <summary>The unique key's columns as one text, to match returned rows to the rows given.</summary>
        public string KeyText(IEnumerable<IProperty> keys) =>
            string.Join($" || '{KeySeparator}' || ", keys.Select(k => $"CAST({Column(k)} AS TEXT)"));

        public object?[] KeyValues(IEnumerable<IProperty> keys, object entity) =>
            [.. keys.Select(k => ProviderValue(k, k.PropertyInfo?.GetValue(entity)))];

        /// <summary>The generated key and the unique key's text, to select or return.</summary>
        public string Returned(IEnumerable<IProperty> keys) =>
            $"{Column(EntityType.FindPrimaryKey()!.Properties.Single())} AS \"Id\", {KeyText(keys)} AS \"Key\"";

        /// <summary>Inserts the rows that break no unique key and returns the inserted ones' generated keys by their key's text.</summary>
        public async Task<Dictionary<string, (long Id, bool Inserted)>> InsertReturningAsync<T>(
            DbContext db, IReadOnlyList<IProperty> keys, IEnumerable<T> entities, CancellationToken cancellationToken)
            where T : class
        {
            var found = new Dictionary<string, (long Id, bool Inserted)>(StringComparer.Ordinal);
            // Every writer inserts in the same key order, so two imports of overlapping files wait for each other's rows
            // in one direction and never deadlock on PostgreSQL.
            var ordered = entities.OrderBy(e => KeyOf(KeyValues(keys, e)), StringComparer.Ordinal);
            foreach (var chunk in ordered.Chunk(RowsPerStatement))
            {
                var (insert, values) = Sql(chunk);
                var sql = $"{insert}\nRETURNING {Returned(keys)}";
                foreach (var row in await db.Database.SqlQueryRaw<KeyedId>(sql, values.ToArray()!).ToListAsync(cancellationToken))
                {
                    found[row.Key] = (row.Id, true);
                }
            }
            return found;
        }

        /// <summary>Sets each row's generated key from what was inserted or found; returns for each whether it was inserted.</summary>
        public bool[] SetIds<T>(IReadOnlyList<IProperty> keys, IReadOnlyList<T> entities, Dictionary<string, (long Id, bool Inserted)> found)
            where T : class
        {
            var id = EntityType.FindPrimaryKey()!.Properties.Single();
            var inserted = new bool[entities.Count];
            for (var i = 0; i < entities.Count; i++)
            {
                var (rowId, isNew) = found.TryGetValue(KeyOf(KeyValues(keys, entities[i])), out var hit)
                    ? hit
                    : throw new InvalidOperationException($"A {typeof(T).Name} inserted or found by its key could not be read back.");
                id.PropertyInfo!.SetValue(entities[i], Convert.ChangeType(rowId, id.ClrType, CultureInfo.InvariantCulture));
                inserted[i] = isNew;
            }
            return inserted;
        }

        public (string Sql, List<object?> Values) Sql(IEnumerable<object> rows)
        {
            List<object?> values = [];
            List<string> tuples = [];
            foreach (var entity in rows)
            {
                tuples.Add($"({string.Join(", ", properties.Select((_, i) => $"{{{values.Count + i}}}"))})");
                values.AddRange(properties.Select(p => ProviderValue(p, p.PropertyInfo?.GetValue(entity))));
            }
            return ($"""
                INSERT INTO {Table} ({columns})
                VALUES {string.Join(", ", tuples)}
                ON CONFLICT DO NOTHING
                """, values);
        }
    }

    private static List<IProperty> InsertedProperties(IEntityType entityType)
    {
        List<IProperty> properties = [];
        foreach (var property in entityType.GetProperties())
        {
            if (property.ValueGenerated != ValueGenerated.Never)
            {
                if (property.IsPrimaryKey()
                    && property.FindAnnotation(RelationalAnnotationNames.DefaultValue) is null
                    && property.FindAnnotation(RelationalAnnotationNames.DefaultValueSql) is null)
                {
                    continue; // the store generates the key (identity, autoincrement)
                }
                // SaveChanges would write a set value and leave an unset one to the store; this statement can do neither.
                throw new InvalidOperationException(
                    $"{entityType.DisplayName()}.{property.Name} is generated by the store, which InsertOrIgnoreAsync cannot reproduce; insert it another way.");
            }
            properties.Add(property);
        }
        return properties;
    }

    private static object? ProviderValue(IProperty property, object? value) =>
        value is null ? null : property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}
