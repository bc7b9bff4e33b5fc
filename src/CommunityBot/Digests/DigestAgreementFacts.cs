using CommunityBot.Agreements;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>A community's agreement counts for the period and its overdue agreements, with the owners who still have them to do.</summary>
public sealed record AgreementFacts(AgreementCounts Counts, IReadOnlyList<OverdueAgreement> Overdue)
{
    public static readonly AgreementFacts None = new(new AgreementCounts(0, 0, 0, 0, 0), []);
}

/// <summary>
/// The agreement numbers of the period [From, To) per community, in six grouped queries whatever the number of
/// communities. What counts:
/// - made: recorded in the period;
/// - done: every owner is done now, and it became done in the period: the last owner's answer (also when a coach closed
///   it as done for them) or an edit that removed the last owner still to do, whichever came last, so an agreement
///   counts once, in the week it was finished;
/// - carried over and dropped: a coach's carry-over or drop in the period (history rows), each agreement once;
/// - overdue: still to do (open, or someone asked for help) while the session it was due at started before To; counted
///   in SQL, and only the first <see cref="DigestLines.MaxOverdueLines"/> per community (oldest due first) are read
///   with their texts and owners, which is all a card shows, so memory stays bounded whatever a tenant lets slide.
/// Statuses are read as they are when the digest is made, which for a digest made on its Monday is the period's end.
/// </summary>
public sealed class DigestAgreementFacts(AppDbContext db)
{
    /// <summary>Per community of the query <paramref name="communityIds"/> (a tenant's): its facts; absent when it has no agreements.</summary>
    public async Task<IReadOnlyDictionary<long, AgreementFacts>> ForAsync(IQueryable<long> communityIds, DigestPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var agreements = db.Agreements.AsNoTracking().Where(a => communityIds.Contains(a.CommunityId));
        var made = await agreements.Where(a => a.CreatedAt >= from && a.CreatedAt < to)
            .GroupBy(a => a.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var done = await agreements
            .Where(a => a.Status == AgreementStatus.Done
                && (a.Owners.Any(o => o.AnsweredAt >= from && o.AnsweredAt < to)
                    || a.History.Any(h => h.Kind == AgreementChangeKind.Edited && h.To == AgreementStatus.Done && h.At >= from && h.At < to))
                && !a.Owners.Any(o => o.AnsweredAt >= to)
                && !a.History.Any(h => h.Kind == AgreementChangeKind.Edited && h.To == AgreementStatus.Done && h.At >= to))
            .GroupBy(a => a.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var closed = await db.AgreementChanges.AsNoTracking()
            .Where(h => h.At >= from && h.At < to && (h.Kind == AgreementChangeKind.CarriedOver || h.Kind == AgreementChangeKind.Dropped))
            .Join(agreements, h => h.AgreementId, a => a.Id, (h, a) => new { a.CommunityId, h.Kind, h.AgreementId })
            .GroupBy(x => new { x.CommunityId, x.Kind })
            .Select(g => new { g.Key.CommunityId, g.Key.Kind, Count = g.Select(x => x.AgreementId).Distinct().Count() })
            .ToDictionaryAsync(g => (g.CommunityId, g.Kind), g => g.Count, ct);
        var overdue = agreements
            .Where(a => a.Status == AgreementStatus.Open || a.Status == AgreementStatus.NeedHelp)
            .Join(db.Sessions.Where(s => s.StartsAt < to && s.Status != SessionStatus.Cancelled), a => a.DueSessionId, s => (long?)s.Id,
                (a, s) => new { a.Id, a.CommunityId, a.Text, DueAt = s.StartsAt });
        var overdueCount = await overdue.GroupBy(a => a.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // "Among the first ones": fewer than the limit due earlier in the same community.
        var shown = overdue.Where(a => overdue.Count(b => b.CommunityId == a.CommunityId && (b.DueAt < a.DueAt || (b.DueAt == a.DueAt && b.Id < a.Id))) < DigestLines.MaxOverdueLines);
        var overdueRows = await shown.OrderBy(a => a.DueAt).ThenBy(a => a.Id).ToListAsync(ct);
        var owners = (await db.Set<AgreementOwner>().AsNoTracking()
                .Where(o => shown.Select(a => a.Id).Contains(o.AgreementId) && (o.Status == AgreementStatus.Open || o.Status == AgreementStatus.NeedHelp))
                .Select(o => new { o.AgreementId, o.PersonId, o.Person.DisplayName, o.Person.Email })
                .ToListAsync(ct))
            .ToLookup(o => o.AgreementId, o => o.DisplayName ?? o.Email ?? $"#{o.PersonId}");
        var overdueOf = overdueRows.ToLookup(a => a.CommunityId, a => new OverdueAgreement(a.Id, a.Text, [.. owners[a.Id].Order(StringComparer.CurrentCulture)], a.DueAt));
        int Closed(long id, AgreementChangeKind kind) => closed.GetValueOrDefault((id, kind));
        return made.Keys.Union(done.Keys).Union(closed.Keys.Select(k => k.CommunityId)).Union(overdueCount.Keys).ToDictionary(id => id, id => new AgreementFacts(
            new AgreementCounts(made.GetValueOrDefault(id), done.GetValueOrDefault(id), Closed(id, AgreementChangeKind.CarriedOver), Closed(id, AgreementChangeKind.Dropped), overdueCount.GetValueOrDefault(id)),
            [.. overdueOf[id]]));
    }
}
