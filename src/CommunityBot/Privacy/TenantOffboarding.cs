using CommunityBot.Admin;
using CommunityBot.Communities.Import;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.Storage;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Privacy;

/// <summary>How many rows of each top-level table went; their dependants went with them.</summary>
public sealed record OffboardingSummary(string Tenant, IReadOnlyDictionary<string, int> Deleted);

/// <summary>
/// Removes everything of a tenant (a school group that stops using the bot), in batches, so a big tenant never holds one
/// long transaction; a run that stops halfway is finished by running it again. The database's cascades take every
/// dependant row along with its community, intervision group or person (sessions, agreements, check-ins, plans, history).
/// </summary>
public sealed class TenantOffboarding(AppDbContext db, ILogger<TenantOffboarding> logger)
{
    /// <summary>A community takes its sessions, agreements and check-ins along: fewer at a time than rows of one table.</summary>
    private const int CommunitiesPerBatch = 20;

    public async Task<OffboardingSummary> RemoveAsync(string tenant, CancellationToken ct)
    {
        var deleted = new Dictionary<string, int>
        {
            // Messages first: the dispatcher must not send anything of a tenant that is going.
            ["outboxMessages"] = await BatchDelete.InBatchesAsync(db.Set<OutboxMessage>(), m => m.TenantId == tenant, ct),
            ["unreachableRecipients"] = await BatchDelete.InBatchesAsync(db.Set<UnreachableRecipient>(), u => u.TenantId == tenant, ct),
            ["digestRuns"] = await BatchDelete.InBatchesAsync(db.Set<DigestRun>(), r => r.TenantId == tenant, ct),
            ["intervisionGroups"] = await BatchDelete.InBatchesAsync(db.Set<IntervisionGroup>(), g => g.TenantId == tenant, ct, CommunitiesPerBatch),
            // The channel summaries' rows point at their community without a foreign key, so no cascade takes them.
            ["agreementSummaries"] = await BatchDelete.InBatchesAsync(db.AgreementSummaries,
                s => db.Communities.Any(c => c.Id == s.CommunityId && c.TenantId == tenant), ct),
            // Communities before people: a community's history names people without cascading from them.
            ["communities"] = await BatchDelete.InBatchesAsync(db.Communities, c => c.TenantId == tenant, ct, CommunitiesPerBatch),
            ["conversations"] = await BatchDelete.InBatchesAsync(db.Conversations, c => c.TenantId == tenant, ct),
            ["people"] = await BatchDelete.InBatchesAsync(db.People, p => p.TenantId == tenant, ct),
            ["schools"] = await BatchDelete.InBatchesAsync(db.Schools, s => s.TenantId == tenant, ct),
            ["automationKeys"] = await BatchDelete.InBatchesAsync(db.Set<AutomationKey>(), k => k.TenantId == tenant, ct),
            ["tenantSettingsChanges"] = await BatchDelete.InBatchesAsync(db.Set<TenantSettingsChange>(), c => c.TenantId == tenant, ct),
            // One row per tenant, keyed by the tenant itself.
            ["tenantSettings"] = await db.Set<TenantSettingsRow>().Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct),
            ["importRuns"] = await db.Set<ImportRun>().Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct),
            ["tenantBudgets"] = await db.Set<TenantBudget>().Where(b => b.TenantId == tenant).ExecuteDeleteAsync(ct),
        };
        PrivacyLog.TenantRemoved(logger, tenant, deleted.Values.Sum());
        return new OffboardingSummary(tenant, deleted);
    }
}
