using CommunityBot.Storage;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Processes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Storage;

/// <summary>The insert-or-get writes what SaveChanges would, into the table the model names, or refuses, and returns the ids of rows that were there.</summary>
public sealed class InsertOrIgnoreTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_row_of_a_table_in_a_schema_is_inserted_once_and_then_ignored(string provider)
    {
        await using var db = await CreateAsync(provider);

        (await db.InsertOrIgnoreAsync(new Thing { Name = "one" }, Ct)).ShouldBeTrue();
        (await db.InsertOrIgnoreAsync(new Thing { Name = "one" }, Ct)).ShouldBeFalse();

        (await db.Set<Thing>().Select(t => t.Name).ToListAsync(Ct)).ShouldBe(["one"]);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Many_rows_go_in_a_few_statements_and_only_those_that_already_exist_are_skipped(string provider)
    {
        await using var db = await CreateAsync(provider);
        await db.InsertOrIgnoreAsync(new Thing { Name = "thing-1" }, Ct);
        var things = Enumerable.Range(0, 40_000).Select(i => new Thing { Name = $"thing-{i}" }).ToList();

        (await db.InsertOrIgnoreRangeAsync(things, Ct)).ShouldBe(39_999);

        (await db.Set<Thing>().CountAsync(Ct)).ShouldBe(40_000);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_property_with_a_store_default_is_refused_instead_of_silently_left_out(string provider)
    {
        await using var db = await CreateAsync(provider);

        await Should.ThrowAsync<InvalidOperationException>(() => db.InsertOrIgnoreAsync(new Defaulted { Level = 3 }, Ct));

        (await db.Set<Defaulted>().CountAsync(Ct)).ShouldBe(0);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Insert_or_get_gives_every_row_its_id_whether_inserted_now_or_stored_before(string provider)
    {
        await using var db = await CreateAsync(provider);
        Thing stored = new() { Name = "two" };
        (await db.InsertOrGetAsync([stored], t => t.Name, Ct)).ShouldBe([true]);
        Thing[] things = [new() { Name = "one" }, new() { Name = "two" }, new() { Name = "three" }];

        (await db.InsertOrGetAsync(things, t => t.Name, Ct)).ShouldBe([true, false, true]);

        things[1].Id.ShouldBe(stored.Id);
        var ids = await db.Set<Thing>().ToDictionaryAsync(t => t.Name, t => t.Id, Ct);
        things.Select(t => t.Id).ShouldBe(things.Select(t => ids[t.Name]));
        ids.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Insert_all_gives_every_row_its_own_id_in_any_order_given(string provider)
    {
        await using var db = await CreateAsync(provider);
        Thing[] things = [new() { Name = "b" }, new() { Name = "c" }, new() { Name = "a" }];

        await db.InsertAllAsync(things, t => t.Name, Ct);

        var ids = await db.Set<Thing>().ToDictionaryAsync(t => t.Name, t => t.Id, Ct);
        things.Select(t => t.Id).ShouldBe(things.Select(t => ids[t.Name]));
        ids.Count.ShouldBe(3);
    }

    [Fact]
    public async Task On_PostgreSQL_a_row_another_transaction_is_inserting_is_waited_for_and_its_id_returned_without_an_error()
    {
        await using var first = await CreateAsync("PostgreSql");
        await using var second = new PostgresThingsContext(new DbContextOptionsBuilder<PostgresThingsContext>()
            .UseNpgsql(first.Database.GetConnectionString()).Options);
        Thing theirs = new() { Name = "same" };
        Thing mine = new() { Name = "same" };
        Task<bool[]> racing;
        await using (var transaction = await first.Database.BeginTransactionAsync(Ct))
        {
            await first.InsertOrGetAsync([theirs], t => t.Name, Ct);
            racing = second.InsertOrGetAsync([mine], t => t.Name, Ct);
            (await Eventually.TrueAsync(async () =>
                await first.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted").SingleAsync(Ct) > 0,
                TimeSpan.FromSeconds(10))).ShouldBeTrue();
            await transaction.CommitAsync(Ct);
        }

        (await racing.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBe([false]);
        mine.Id.ShouldBe(theirs.Id);
        (await second.Set<Thing>().CountAsync(Ct)).ShouldBe(1);
    }

    private async Task<ThingsContext> CreateAsync(string provider)
    {
        ThingsContext db;
        if (provider == "PostgreSql")
        {
            var connectionString = await postgres.DatabaseAsync($"insert_or_ignore_{Guid.NewGuid():N}");
            db = new PostgresThingsContext(new DbContextOptionsBuilder<PostgresThingsContext>().UseNpgsql(connectionString).Options);
        }
        else
        {
            // An in-memory database lives as long as its connection, which is open until the context is disposed.
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync(Ct);
            db = new SqliteThingsContext(new DbContextOptionsBuilder<SqliteThingsContext>().UseSqlite(connection, contextOwnsConnection: true).Options);
        }
        await db.Database.EnsureCreatedAsync(Ct);
        return db;
    }

    public sealed class Thing
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
    }

    public sealed class Defaulted
    {
        public long Id { get; set; }
        public int Level { get; set; }
    }

    public abstract class ThingsContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Thing>(thing =>
            {
                thing.ToTable("Things", "bot");
                thing.HasIndex(t => t.Name).IsUnique();
            });
            modelBuilder.Entity<Defaulted>(defaulted =>
            {
                defaulted.ToTable("Defaulted", "bot");
                defaulted.Property(d => d.Level).HasDefaultValue(1);
            });
        }
    }

    // One context type per provider: EF caches a model per context type.
    public sealed class SqliteThingsContext(DbContextOptions<SqliteThingsContext> options) : ThingsContext(options);

    public sealed class PostgresThingsContext(DbContextOptions<PostgresThingsContext> options) : ThingsContext(options);
}
