using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>
/// Every minute: for each tenant whose digest of this week is due and not yet made, claims the week and enqueues every
/// recipient's digest in the same transaction. When nothing is due this is one query for the tenants (and, in a week
/// whose digest is due, one indexed look-up of the claims).
/// </summary>
public sealed class DigestSweep(AppDbContext db, DigestCalendar calendar, DigestBuilder builder, Outbox outbox, TimeProvider clock, ILogger<DigestSweep> logger)
    : IRecurringJob
{
    public const string JobId = "digests";
    public const string Purpose = "digest";

    /// <summary>One digest per person per week; a digest split over several cards numbers the ones after the first.</summary>
    public static string DedupeKey(long personId, string weekKey, int part = 0) =>
        part == 0 ? $"{Purpose}:{personId}:{weekKey}" : $"{Purpose}:{personId}:{weekKey}:{part + 1}";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tenants = await db.Communities.AsNoTracking().Select(c => c.TenantId).Distinct().ToListAsync(ct);
        List<(string Tenant, DigestWeek? Week)> due = [];
        foreach (var tenant in tenants)
        {
            if (await calendar.DueAtAsync(tenant, now, ct) is { } week)
            {
                due.Add((tenant, week));
            }
        }
        if (due.Count == 0)
        {
            return;
        }
        var weekKeys = due.Select(d => d.Week!.Period.WeekKey).Distinct().ToList();
        var made = (await db.Set<DigestRun>().AsNoTracking().Where(r => weekKeys.Contains(r.WeekKey)).Select(r => new { r.TenantId, r.WeekKey }).ToListAsync(ct))
            .Select(r => (r.TenantId, r.WeekKey)).ToHashSet();
        foreach (var (tenant, week) in due.Where(d => !made.Contains((d.Tenant, d.Week!.Period.WeekKey))))
        {
            // One tenant's failure must not keep the tenants after it without their digest. Its claim was rolled back
            // with the rest, so the next minute tries it again.
            try
            {
                await MakeAsync(tenant, week!, now, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                DigestsLog.Failed(logger, tenant, week!.Period.WeekKey, exception);
            }
        }
    }

    private async Task MakeAsync(string tenantId, DigestWeek week, DateTimeOffset now, CancellationToken ct)
    {
        var weekKey = week.Period.WeekKey;
        // Built before the transaction: on SQLite a write transaction holds every other writer of the instance, members'
        // button presses included, and a school group's digests take longer to read than to enqueue.
        var digests = await builder.ForTenantAsync(tenantId, week.Period, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Another instance that claimed the week first holds the row; on PostgreSQL this insert waits for its commit.
        if (!await db.InsertOrIgnoreAsync(new DigestRun { TenantId = tenantId, WeekKey = weekKey, MadeAt = now }, ct))
        {
            DigestsLog.AlreadyMade(logger, tenantId, weekKey);
            return;
        }
        foreach (var digest in digests)
        {
            var cards = DigestCards.Build(digest);
            for (var part = 0; part < cards.Count; part++)
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = DedupeKey(digest.Recipient.PersonId, weekKey, part),
                    TenantId = tenantId,
                    PersonId = digest.Recipient.PersonId,
                    Card = cards[part],
                    NotBefore = week.DeliverFrom,
                    Purpose = Purpose,
                    Priority = DeliveryPriority.Bulk,
                }, ct);
            }
        }
        await transaction.CommitAsync(ct);
        DigestsLog.Made(logger, tenantId, weekKey, digests.Count);
    }
}
