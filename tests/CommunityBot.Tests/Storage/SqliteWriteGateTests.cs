using CommunityBot.Storage;
using CommunityBot.Tests.Processes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Storage;

/// <summary>
/// Every SQLite write of an instance queues at one gate: turns before import batches (but not for ever), nothing waits on itself, a
/// transaction however it ends lets the next writer in, and a writer that waits too long hears "database is locked".
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly string path = Path.Combine(Path.GetTempPath(), $"communitybot-gate-{Guid.NewGuid():N}.db");
    private readonly SqliteWriteGate gate = new();
    private readonly List<NotesContext> contexts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_turns_write_goes_before_import_batches_that_queued_first()
    {
        var holder = await ContextAsync(WritePriority.Bulk);
        await using (var transaction = await holder.Database.BeginTransactionAsync(Ct))
        {
            var batch = WriteAsync(await ContextAsync(WritePriority.Bulk), "batch");
            (await Eventually.TrueAsync(() => Task.FromResult(gate.Queued == 1), Bound)).ShouldBeTrue();
            var turn = WriteAsync(await ContextAsync(WritePriority.Interactive), "turn");
            (await Eventually.TrueAsync(() => Task.FromResult(gate.Queued == 2), Bound)).ShouldBeTrue();
            await transaction.CommitAsync(Ct);
            await Task.WhenAll(batch, turn).WaitAsync(Bound, Ct);
        }

        // Ids follow the order of the inserts.
        (await holder.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(Ct)).ShouldBe(["turn", "batch"]);
    }

    [Fact]
    public async Task An_import_batch_overtaken_by_as_many_turns_as_the_gate_allows_goes_before_the_next_turn()
    {
        var holder = await ContextAsync(WritePriority.Interactive);
        List<Task> writes = [];
        await using (var transaction = await holder.Database.BeginTransactionAsync(Ct))
        {
            writes.Add(WriteAsync(await ContextAsync(WritePriority.Bulk), "batch"));
            (await Eventually.TrueAsync(() => Task.FromResult(gate.Queued == 1), Bound)).ShouldBeTrue();
            // One more turn than may overtake the batch, each queued behind the one before.
            for (var turn = 1; turn <= SqliteWriteGate.Overtakes + 1; turn++)
            {
                writes.Add(WriteAsync(await ContextAsync(WritePriority.Interactive), $"turn {turn}"));
                var queued = turn + 1;
                (await Eventually.TrueAsync(() => Task.FromResult(gate.Queued == queued), Bound)).ShouldBeTrue();
            }
            await transaction.CommitAsync(Ct);
            await Task.WhenAll(writes).WaitAsync(Bound, Ct);
        }

        (await holder.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(Ct))
            .ShouldBe([.. Enumerable.Range(1, SqliteWriteGate.Overtakes).Select(turn => $"turn {turn}"), "batch", $"turn {SqliteWriteGate.Overtakes + 1}"]);
    }

    [Fact]
    public async Task Writes_nested_in_a_held_transaction_do_not_wait_on_themselves()
    {
        var db = await ContextAsync(WritePriority.Interactive);

        await gate.WriteAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Notes.Add(new Note { Text = "one" });
            await db.SaveChangesAsync(Ct);
            await db.Notes.Where(n => n.Text == "one").ExecuteUpdateAsync(set => set.SetProperty(n => n.Text, "two"), Ct);
            await gate.WriteAsync(db, () => db.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('three')", Ct), Ct);
            await transaction.CommitAsync(Ct);
            return 0;
        }, Ct).WaitAsync(Bound, Ct);

        (await db.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(Ct)).ShouldBe(["two", "three"]);
        gate.Queued.ShouldBe(0);
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_or_a_failed_write_lets_the_next_writer_in()
    {
        var first = await ContextAsync(WritePriority.Normal);
        await using (await first.Database.BeginTransactionAsync(Ct))
        {
            first.Notes.Add(new Note { Text = "rolled back" });
            await first.SaveChangesAsync(Ct);
        }
        await Should.ThrowAsync<SqliteException>(() => first.Database.ExecuteSqlRawAsync("INSERT INTO Missing VALUES (1)", Ct));
        first.Notes.Add(new Note { Text = null! });
        await Should.ThrowAsync<DbUpdateException>(() => first.SaveChangesAsync(Ct));

        var next = await ContextAsync(WritePriority.Normal);
        next.Notes.Add(new Note { Text = "kept" });
        await next.SaveChangesAsync(Ct).WaitAsync(Bound, Ct);

        (await next.Notes.Select(n => n.Text).ToListAsync(Ct)).ShouldBe(["kept"]);
    }

    [Fact]
    public async Task Reads_pass_a_held_gate_and_a_writer_that_waits_longer_than_its_timeout_hears_database_locked()
    {
        var holder = await ContextAsync(WritePriority.Bulk);
        await using var transaction = await holder.Database.BeginTransactionAsync(Ct);
        var waiting = await ContextAsync(WritePriority.Interactive);
        ((SqliteConnection)waiting.Database.GetDbConnection()).DefaultTimeout = 1;

        (await waiting.Notes.CountAsync(Ct).WaitAsync(Bound, Ct)).ShouldBe(0);
        waiting.Notes.Add(new Note { Text = "late" });
        var locked = await Should.ThrowAsync<DbUpdateException>(() => waiting.SaveChangesAsync(Ct).WaitAsync(Bound, Ct));

        DatabaseFailures.IsUnavailable(locked).ShouldBeTrue();
        gate.Queued.ShouldBe(0);
    }

    [Theory]
    [InlineData("SELECT 1", false)]
    [InlineData("-- tag\n  select * from x", false)]
    [InlineData("INSERT INTO x VALUES (1)", true)]
    [InlineData("\n UPDATE x SET y = 1 RETURNING id", true)]
    [InlineData("WITH a AS (SELECT 1) UPDATE x SET y = 1", true)]
    public void Only_a_select_counts_as_a_read(string sql, bool writes) => SqliteWriteGate.Writes(sql).ShouldBe(writes);

    private static Task WriteAsync(NotesContext db, string text)
    {
        db.Notes.Add(new Note { Text = text });
        return db.SaveChangesAsync(Ct);
    }

    private async Task<NotesContext> ContextAsync(WritePriority priority)
    {
        var options = new DbContextOptionsBuilder<NotesContext>()
            .UseSqlite($"Data Source={path}")
            .AddInterceptors(new SqlitePragmas(), new SqliteWriteInterceptor(gate))
            .Options;
        var db = new NotesContext(options);
        contexts.Add(db);
        if (contexts.Count == 1)
        {
            await db.Database.EnsureCreatedAsync(Ct);
        }
        gate.Prioritise(db, priority);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    public sealed class Note
    {
        public long Id { get; set; }

        public required string Text { get; set; }
    }

    public sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }
}
