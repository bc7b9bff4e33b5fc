using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>
/// What each community's section says, computed for a whole tenant in one pass: a fixed number of set-based queries
/// (sixteen, GROUP BY community in SQL) whatever the number of communities, and no agreement, answer or
/// attendance row in memory beyond the few a section shows (overdue agreements, the last sessions, the absent).
/// </summary>
public sealed class DigestContent(
    AppDbContext db,
    DigestSessionFacts sessions,
    DigestAgreementFacts agreements,
    AttendanceQueries attendance,
    CheckInAggregator checkIns,
    DigestAttention attention,
    TenantContactRules tenantRules)
{
    /// <summary>How many held sessions and closed check-in rounds a section shows.</summary>
    public const int RecentCount = 3;

    /// <summary>The sections of the tenant's communities (only <paramref name="only"/> when given), with names for coaches.</summary>
    public async Task<IReadOnlyDictionary<long, CommunityDigest>> ForTenantAsync(
        string tenantId, DigestPeriod period, IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var selected = db.Communities.AsNoTracking().Where(c => c.TenantId == tenantId && (only == null || only.Contains(c.Id)));
        // Every query below reads the communities through this subquery: no list of ten thousand ids as parameters.
        var ids = selected.Select(c => c.Id);
        var communities = await selected
            .Select(c => new { c.Id, c.Name, c.Theme, c.Phase, c.TimeZone, c.CadenceKind, c.CadenceCount })
            .ToListAsync(ct);
        if (communities.Count == 0)
        {
            return new Dictionary<long, CommunityDigest>();
        }
        var coaches = (await db.Memberships.AsNoTracking()
                .Where(m => ids.Contains(m.CommunityId) && m.LeftAt == null && m.Role == CommunityRole.Coach)
                .Select(m => new { m.CommunityId, m.PersonId, m.Person.DisplayName, m.Person.Email })
                .ToListAsync(ct))
            .ToLookup(m => m.CommunityId, m => m.DisplayName ?? m.Email ?? $"#{m.PersonId}");
        var sessionFacts = await sessions.ForAsync(ids, [.. communities.Select(c => c.TimeZone).Distinct()], period.To, ct);
        var recent = (await attendance.LastHeldForCommunitiesAsync(ids, period.To, RecentCount, ct)).ToLookup(s => s.CommunityId);
        var absent = (await attendance.AbsentAtLastRecordedAsync(ids, period.To, ct)).ToLookup(a => a.CommunityId, a => a.Name);
        var agreementFacts = await agreements.ForAsync(ids, period, ct);
        var phases = await PreviousPhasesAsync(ids, period, ct);
        // Leader is the narrower audience (no comments ever); the section is shared by every digest of the tenant.
        var rounds = await checkIns.LatestClosedAsync(ids, period.To, RecentCount, CheckInAudience.Leader, ct);
        var calendar = (await tenantRules.ForAsync(tenantId, ct)).Calendar;
        return communities.ToDictionary(c => c.Id, c =>
        {
            var facts = sessionFacts.GetValueOrDefault(c.Id) ?? SessionFacts.None;
            var agreed = agreementFacts.GetValueOrDefault(c.Id) ?? AgreementFacts.None;
            var section = new CommunityDigest(
                c.Id, c.Name, c.Theme, c.Phase, phases.TryGetValue(c.Id, out var before) ? before : null, c.TimeZone,
                [.. coaches[c.Id].Order(StringComparer.CurrentCulture)],
                c.CadenceKind, c.CadenceCount, facts.HeldThisSchoolYear, facts.LastHeld, facts.NextPlanned,
                [.. recent[c.Id]],
                agreed.Counts,
                rounds.GetValueOrDefault(c.Id) ?? [],
                [],
                new CoachDetails(agreed.Overdue, [.. absent[c.Id]]));
            return section with { NeedsAttention = attention.For(section, period, calendar) };
        });
    }

    /// <summary>
    /// The phase at the period's start for communities whose phase changed within it (the first change's old value);
    /// absent when it did not change, or changed and changed back.
    /// </summary>
    private async Task<Dictionary<long, CommunityPhase>> PreviousPhasesAsync(IQueryable<long> ids, DigestPeriod period, CancellationToken ct)
    {
        var changes = (await CommunityHistory.SinceAsync(db, ids, period.From, CommunityChangeKind.Phase, ct)).Where(c => c.At < period.To);
        Dictionary<long, CommunityPhase> previous = [];
        foreach (var community in changes.GroupBy(c => c.CommunityId))
        {
            if (Enum.TryParse<CommunityPhase>(community.First().OldValue, out var before)
                && Enum.TryParse<CommunityPhase>(community.Last().NewValue, out var after)
                && before != after)
            {
                previous[community.Key] = before;
            }
        }
        return previous;
    }
}
