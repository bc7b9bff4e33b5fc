using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Storage;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Privacy;

/// <summary>
/// The daily <c>retention</c> job: history is not kept forever. Every delete is set-based and in batches, so a big
/// tenant never holds one long transaction, and a run that repeats or overlaps deletes nothing twice.
/// </summary>
internal sealed class RetentionJob(AppDbContext db, ITenantSettings settings, TimeProvider clock, ILogger<RetentionJob> logger) : IRecurringJob
{
    public const string JobId = "retention";

    /// <summary>Teams redelivers within minutes; the claims also hold cards answered to presses, which may name people.</summary>
    public static readonly TimeSpan ClaimsKeptFor = TimeSpan.FromDays(2);

    /// <summary>Delivered and undeliverable messages: long enough for an admin to look at failures and for in-place updates of recent cards.</summary>
    public static readonly TimeSpan MessagesKeptFor = TimeSpan.FromDays(30);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claims = now - ClaimsKeptFor;
        var deleted = await BatchDelete.InBatchesAsync(db.ProcessedActivities, p => p.ReceivedAt < claims, ct);
        deleted += await DeleteMessagesAsync((now - MessagesKeptFor).ToUnixTimeMilliseconds(), ct);
        var tenants = await db.Communities.Select(c => c.TenantId).Distinct().ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            var years = (await settings.ForTenantAsync(tenant, ct)).RetentionSchoolYears;
            deleted += await DeleteHistoryAsync(tenant, SchoolYears.KeptFrom(now, years), ct);
        }
        PrivacyLog.RetentionRan(logger, deleted);
    }

    /// <summary>
    /// A sent message goes 30 days after it was sent, unless a later update of its card was sent within those 30 days:
    /// updates find the Teams message through the first row. Failed and unreachable ones go 30 days after they were made.
    /// </summary>
    private Task<int> DeleteMessagesAsync(long before, CancellationToken ct)
    {
        var messages = db.Set<OutboxMessage>();
        return BatchDelete.InBatchesAsync(messages, m =>
            (m.State == OutboxState.Sent && m.SentAt < before
                && !messages.Any(u => u.ReplacesDedupeKey == m.DedupeKey && (u.SentAt ?? u.CreatedAt) >= before))
            || ((m.State == OutboxState.Failed || m.State == OutboxState.Unreachable) && m.CreatedAt < before), ct);
    }

    /// <summary>Answer history, community history, regrets and check-in answers written before the tenant's retention period.</summary>
    private async Task<int> DeleteHistoryAsync(string tenant, DateTimeOffset keptFrom, CancellationToken ct)
    {
        var communities = db.Communities.Where(c => c.TenantId == tenant).Select(c => c.Id);
        var agreements = db.Agreements.Where(a => communities.Contains(a.CommunityId)).Select(a => a.Id);
        var sessions = db.Sessions.Where(s => communities.Contains(s.CommunityId)).Select(s => s.Id);
        var rounds = db.CheckIns.Where(r => communities.Contains(r.CommunityId)).Select(r => r.Id);
        var deleted = await BatchDelete.InBatchesAsync(db.AgreementChanges, c => agreements.Contains(c.AgreementId) && c.At < keptFrom, ct);
        deleted += await BatchDelete.InBatchesAsync(db.CommunityChanges, c => communities.Contains(c.CommunityId) && c.At < keptFrom, ct);
        deleted += await BatchDelete.InBatchesAsync(db.Regrets, r => sessions.Contains(r.SessionId) && r.At < keptFrom, ct);
        var old = db.CheckInResponses.Where(r => rounds.Contains(r.CheckInId) && (r.ChangedAt ?? r.AnsweredAt) < keptFrom).Select(r => r.Id);
        deleted += await BatchDelete.InBatchesAsync(db.CheckInAnswers, a => old.Contains(a.ResponseId), ct);
        deleted += await BatchDelete.InBatchesAsync(db.CheckInResponses, r => rounds.Contains(r.CheckInId) && (r.ChangedAt ?? r.AnsweredAt) < keptFrom, ct);
        return deleted;
    }
}
