using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Import;

/// <summary>
/// Writes large imports in the background, one task each, and records their progress in <see cref="ImportRun"/>. When
/// the host stops, running imports are cancelled between batches and marked failed; importing the file again completes them.
/// </summary>
public sealed class ImportRunner(IServiceScopeFactory scopes, SqliteWriteGate gate, TimeProvider clock, ILogger<ImportRunner> logger) : IHostedService
{
    /// <summary>The status moves on every this many rows, not every batch: a row written per short batch would double the import's writes.</summary>
    private const int ProgressRows = 1_000;

    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Guid, Task> running = new();

    /// <summary>Stores the run as queued and starts writing it; returns at once.</summary>
    public async Task<ImportRun> StartAsync(string tenantId, ImportFile file, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var run = new ImportRun { Id = Guid.NewGuid(), TenantId = tenantId, State = ImportState.Queued, Rows = file.RowCount, CreatedAt = now, UpdatedAt = now };
        await UpdateAsync(run.Id, r => r.State = ImportState.Queued, run, ct);
        ImportLog.Queued(logger, run.Id, tenantId, file.RowCount);
        running[run.Id] = Task.Run(() => WriteAsync(run.Id, tenantId, file), CancellationToken.None);
        return run;
    }

    /// <summary>Completes when every import this instance started has finished (tests and benchmarks wait for it).</summary>
    public Task IdleAsync() => Task.WhenAll(running.Values);

    private async Task WriteAsync(Guid id, string tenantId, ImportFile file)
    {
        var ct = stopping.Token;
        var (written, reported) = (0, 0);
        var watch = Stopwatch.StartNew();
        try
        {
            await UpdateAsync(id, r => r.State = ImportState.Running, null, ct);
            ImportSummary summary;
            await using (var scope = scopes.CreateAsyncScope())
            {
                summary = await scope.ServiceProvider.GetRequiredService<ImportWriter>().WriteAsync(tenantId, file, async (progress, rows) =>
                {
                    written = rows;
                    if (rows - reported >= ProgressRows)
                    {
                        reported = rows;
                        await UpdateAsync(id, r => (r.RowsWritten, r.Summary) = (rows, Json(progress)), null, ct);
                    }
                }, ct);
            }
            await UpdateAsync(id, r => (r.State, r.RowsWritten, r.Summary) = (ImportState.Done, file.RowCount, Json(summary)), null, CancellationToken.None);
            ImportLog.Done(logger, id, file.RowCount, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ImportLog.Stopped(logger, id, written);
            await FailAsync(id, $"stopped with the server after {written:N0} rows; import the same file again to complete it");
        }
        catch (Exception ex)
        {
            ImportLog.Failed(logger, id, written, ex.GetType().Name);
            await FailAsync(id, $"failed after {written:N0} rows; what was written stays, import the same file again to complete it");
        }
        finally
        {
            running.TryRemove(id, out _);
        }
    }

    private Task FailAsync(Guid id, string failure) =>
        UpdateAsync(id, r => (r.State, r.Failure) = (ImportState.Failed, failure), null, CancellationToken.None);

    /// <summary>Changes the run's row (or adds <paramref name="added"/>) in a transaction of its own, through the write gate.</summary>
    private async Task UpdateAsync(Guid id, Action<ImportRun> change, ImportRun? added, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        gate.Prioritise(db, WritePriority.Bulk);
        await gate.WriteAsync(db, async () =>
        {
            var run = added ?? await db.Set<ImportRun>().SingleAsync(r => r.Id == id, ct);
            if (added is not null)
            {
                db.Add(added);
            }
            change(run);
            run.UpdatedAt = clock.GetUtcNow();
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    internal static string Json(ImportSummary summary) => JsonSerializer.Serialize(summary with { Errors = [] }, JsonSerializerOptions.Web);

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await IdleAsync().WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
