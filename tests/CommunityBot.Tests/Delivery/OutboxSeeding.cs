using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Tests.Delivery;

/// <summary>Creates a host's database and fills its outbox directly, as sweeps would have.</summary>
internal static class OutboxSeeding
{
    public static AppDbContext Sqlite(string path) =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);

    /// <summary>WAL lets the host's per-message updates commit without rewriting the journal each time; it stays on in the file.</summary>
    public static async Task<AppDbContext> CreateSqliteAsync(string path)
    {
        var db = Sqlite(path);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return db;
    }

    public static AppDbContext Postgres(string connectionString) =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>One channel per message, so per-conversation limits do not dominate; each text is its dedupe key.</summary>
    public static async Task SeedAsync(AppDbContext db, FakeTeamsConnector teams, int count)
    {
        var now = TimeProvider.System.GetUtcNow();
        var conversations = Enumerable.Range(0, count).Select(i => new Conversation
        {
            TenantId = DeliveryTesting.Tenant,
            ConversationId = $"19:load-{i}@thread.tacv2",
            ServiceUrl = teams.ServiceUrl,
            Kind = ConversationKind.Channel,
            InstalledAt = now,
        }).ToList();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync();
        conversations.ForEach(c => teams.AddConversation(c.ConversationId, c.TenantId));
        db.Set<OutboxMessage>().AddRange(conversations.Select((c, i) => new OutboxMessage
        {
            DedupeKey = $"load:{i}",
            TenantId = DeliveryTesting.Tenant,
            ConversationRowId = c.Id,
            Text = $"load:{i}",
            Purpose = "load",
            NextAttemptAt = now.ToUnixTimeMilliseconds(),
            CreatedAt = now.ToUnixTimeMilliseconds(),
        }));
        await db.SaveChangesAsync();
    }

    public static Task<int> CountAsync(AppDbContext db, OutboxState state) =>
        db.Set<OutboxMessage>().CountAsync(m => m.State == state);
}
