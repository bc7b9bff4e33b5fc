using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Storage;

/// <summary>Who goes first when several of this instance's writers wait for SQLite's one write lock.</summary>
public enum WritePriority
{
    /// <summary>A bot turn: someone is waiting for the answer.</summary>
    Interactive,

    /// <summary>The outbox, sweeps and everything else in the background.</summary>
    Normal,

    /// <summary>Import batches: they wait while anything else wants to write.</summary>
    Bulk,
}

/// <summary>
/// SQLite has one writer at a time and makes the others sleep and retry on a thread (every ~150 ms in
/// Microsoft.Data.Sqlite), so a writer that takes the lock again at once, such as back-to-back import batches, starves
/// the rest. Every SQLite write of this instance queues here instead (<see cref="SqliteWriteInterceptor"/>): the gate
/// is handed over on release, by <see cref="WritePriority"/> and first come first served within one, except that a
/// waiter overtaken <see cref="Overtakes"/> times in a row goes next, so a steady stream of turns cannot hold an import
/// back for good (it costs a turn at most one batch per that many turns). A DbContext that
/// holds the gate passes straight through it again, so nested transactions and writes inside one do not wait on
/// themselves. PostgreSQL writes in parallel and never comes here.
/// </summary>
public sealed class SqliteWriteGate
{
    private const int SqliteBusy = 5;

    /// <summary>How many later, more urgent writers may go before an older waiter in a row.</summary>
    internal const int Overtakes = 4;

    private readonly Lock sync = new();
    private readonly Queue<Waiter>[] waiting = [new(), new(), new()];
    private readonly ConditionalWeakTable<DbContext, Holder> holders = new();
    private bool held;
    private long arrivals;
    private int overtaken;

    /// <summary>A writer in a queue, numbered in order of arrival across the queues.</summary>
    private sealed record Waiter(TaskCompletionSource Turn, long Arrival);

    /// <summary>What one DbContext holds; a DbContext is used by one flow at a time, so this needs no lock.</summary>
    private sealed class Holder
    {
        public int Depth;
        public WritePriority Priority = WritePriority.Normal;
        public bool Transaction;
        public DbCommand? Command;
    }

    /// <summary>Writers waiting now (tests wait for a queue to form).</summary>
    internal int Queued
    {
        get
        {
            lock (sync)
            {
                return waiting.Sum(q => q.Count(w => !w.Turn.Task.IsCompleted));
            }
        }
    }

    /// <summary>Sets the priority of this DbContext's writes from now on (a turn's are interactive, an import's bulk).</summary>
    public void Prioritise(DbContext db, WritePriority priority) => holders.GetOrCreateValue(db).Priority = priority;

    /// <summary>Holds the gate for this DbContext across several statements (reads included) that must not interleave with other writers.</summary>
    public async Task<T> WriteAsync<T>(DbContext db, Func<Task<T>> write, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await write();
        }
        await EnterAsync(db, db.Database.GetDbConnection(), ct);
        try
        {
            return await write();
        }
        finally
        {
            Exit(db);
        }
    }

    internal async ValueTask EnterTransactionAsync(DbContext db, DbConnection connection, CancellationToken ct)
    {
        await EnterAsync(db, connection, ct);
        holders.GetOrCreateValue(db).Transaction = true;
    }

    /// <summary>Idempotent: a transaction ends once but is reported by its commit or rollback and again when its connection closes.</summary>
    internal void ExitTransaction(DbContext db)
    {
        if (holders.TryGetValue(db, out var holder) && holder.Transaction)
        {
            holder.Transaction = false;
            Exit(db);
        }
    }

    /// <summary>A statement that writes outside a transaction holds the gate until it is done; one inside a held gate passes.</summary>
    internal async ValueTask EnterCommandAsync(DbContext db, DbCommand command, CancellationToken ct)
    {
        var holder = holders.GetOrCreateValue(db);
        if (holder.Depth > 0 || !Writes(command.CommandText))
        {
            return;
        }
        await EnterAsync(db, command.Connection!, ct);
        holder.Command = command;
    }

    internal void ExitCommand(DbContext db, DbCommand command)
    {
        if (holders.TryGetValue(db, out var holder) && holder.Command == command)
        {
            holder.Command = null;
            Exit(db);
        }
    }

    private async ValueTask EnterAsync(DbContext db, DbConnection connection, CancellationToken ct)
    {
        var holder = holders.GetOrCreateValue(db);
        if (holder.Depth > 0)
        {
            holder.Depth++;
            return;
        }
        // As long as SQLite itself would have waited for the lock (a turn's connection waits less, TurnDatabaseTimeout).
        var timeout = TimeSpan.FromSeconds(connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30);
        await AcquireAsync(holder.Priority, timeout, ct);
        holder.Depth = 1;
    }

    private void Exit(DbContext db)
    {
        if (holders.TryGetValue(db, out var holder) && holder.Depth > 0 && --holder.Depth == 0)
        {
            Release();
        }
    }

    private async ValueTask AcquireAsync(WritePriority priority, TimeSpan timeout, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (sync)
        {
            if (!held)
            {
                held = true;
                return;
            }
            waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[(int)priority].Enqueue(new Waiter(waiter, arrivals++));
        }
        try
        {
            await waiter.Task.WaitAsync(timeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Handed the gate at the moment of giving up: pass it on.
            if (!waiter.TrySetCanceled())
            {
                Release();
            }
            if (e is TimeoutException)
            {
                // What SQLite says after its own busy timeout, so the turn is answered 503 (DatabaseFailures).
                throw new SqliteException($"database is locked: waited {timeout.TotalSeconds:F0} s for this instance's other writers", SqliteBusy);
            }
            throw;
        }
    }

    private void Release()
    {
        lock (sync)
        {
            while (Next() is { } next)
            {
                // A waiter that gave up was cancelled and is skipped.
                if (next.Turn.TrySetResult())
                {
                    return;
                }
            }
            held = false;
        }
    }

    /// <summary>The most urgent waiter, or the oldest one once it has been overtaken <see cref="Overtakes"/> times in a row.</summary>
    private Waiter? Next()
    {
        Queue<Waiter>? first = null;
        Queue<Waiter>? oldest = null;
        foreach (var queue in waiting)
        {
            while (queue.TryPeek(out var head) && head.Turn.Task.IsCompleted)
            {
                queue.Dequeue();
            }
            if (queue.Count == 0)
            {
                continue;
            }
            first ??= queue;
            if (oldest is null || queue.Peek().Arrival < oldest.Peek().Arrival)
            {
                oldest = queue;
            }
        }
        if (first is null)
        {
            return null;
        }
        if (first == oldest)
        {
            overtaken = 0;
            return first.Dequeue();
        }
        if (++overtaken > Overtakes)
        {
            overtaken = 0;
            return oldest!.Dequeue();
        }
        return first.Dequeue();
    }

    /// <summary>
    /// Whether a statement may write: all but a SELECT (after the comments EF Core's tags put first). A WITH may lead
    /// to an UPDATE, so it counts as a write; taking the gate for a read only costs a short wait.
    /// </summary>
    internal static bool Writes(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--"))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }
}
