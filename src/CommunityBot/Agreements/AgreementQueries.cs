using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>Reads agreements as the cards need them.</summary>
public sealed class AgreementQueries(AppDbContext db, TimeProvider clock)
{
    public async Task<AgreementView?> ViewAsync(long agreementId, CancellationToken ct) =>
        (await ViewsAsync(db.Agreements.Where(a => a.Id == agreementId), ct)).SingleOrDefault();

    /// <summary>Agreements the person still has to do (their own answer is open or help asked), soonest due first.</summary>
    public Task<IReadOnlyList<AgreementView>> OpenForOwnerAsync(long personId, CancellationToken ct) =>
        ViewsAsync(db.Agreements.Where(a => (a.Status == AgreementStatus.Open || a.Status == AgreementStatus.NeedHelp)
            && a.Owners.Any(o => o.PersonId == personId && (o.Status == AgreementStatus.Open || o.Status == AgreementStatus.NeedHelp))), ct);

    public Task<IReadOnlyList<AgreementView>> DueAtAsync(long sessionId, CancellationToken ct) =>
        ViewsAsync(db.Agreements.Where(a => a.DueSessionId == sessionId && a.Status != AgreementStatus.Dropped), ct);

    /// <summary>Neither done nor dropped, soonest due first: what a coach can still change or close.</summary>
    public Task<IReadOnlyList<AgreementView>> UnclosedAsync(long communityId, CancellationToken ct) =>
        ViewsAsync(db.Agreements.Where(a => a.CommunityId == communityId && a.Status != AgreementStatus.Done && a.Status != AgreementStatus.Dropped), ct);

    /// <summary>
    /// What the close-the-loop card of a session lists: every agreement due at it, in any state, and every one still
    /// unclosed that is due at an earlier session that has taken place, so nothing stays behind unasked.
    /// </summary>
    public Task<IReadOnlyList<AgreementView>> ToCloseAtAsync(Session session, CancellationToken ct) =>
        ViewsAsync(db.Agreements.Where(a => a.DueSessionId == session.Id
            || (a.CommunityId == session.CommunityId && a.Status != AgreementStatus.Done && a.Status != AgreementStatus.Dropped
                && db.Sessions.Any(s => s.Id == a.DueSessionId && s.Status != SessionStatus.Cancelled && s.StartsAt < session.StartsAt))), ct);

    public Task<IReadOnlyList<AgreementView>> MadeAtAsync(long communityId, long? sessionId, CancellationToken ct) =>
        ViewsAsync(db.Agreements.Where(a => a.CommunityId == communityId && a.MadeAtSessionId == sessionId && a.Status != AgreementStatus.Dropped), ct);

    public async Task<IReadOnlyList<AgreementView>> ViewsAsync(IQueryable<Agreement> query, CancellationToken ct)
    {
        var agreements = await query.AsNoTracking()
            .Include(a => a.Community)
            .Include(a => a.Owners).ThenInclude(o => o.Person)
            .Include(a => a.Dependants).ThenInclude(d => d.Person)
            // Only the history rows a card shows (the last change of status, the rows that set an owner's answer), so
            // a press costs the same on the hundredth answer as on the first.
            .Include(a => a.History.Where(h =>
                h.Id == db.AgreementChanges.Where(x => x.AgreementId == h.AgreementId && x.From != x.To).Max(x => (long?)x.Id)
                || db.Set<AgreementOwner>().Any(o => o.AgreementId == h.AgreementId && o.AnsweredAt == h.At)))
            .ThenInclude(h => h.Person)
            .AsSplitQuery()
            .ToListAsync(ct);
        var sessionIds = agreements.Where(a => a.DueSessionId is not null).Select(a => a.DueSessionId!.Value).Distinct().ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var now = clock.GetUtcNow();
        return [.. agreements
            .Select(a => ToView(a, a.DueSessionId is { } id && sessions.TryGetValue(id, out var s) ? s : null, now))
            .OrderBy(v => v.DueSession?.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(v => v.Id)];
    }

    private static AgreementView ToView(Agreement a, Session? due, DateTimeOffset now)
    {
        // The last change of status: a coach's edit or carry-over changes what the agreement says, not how it stands.
        var last = a.History.Where(h => h.From != h.To).OrderByDescending(h => h.Id).FirstOrDefault();
        var ownerIds = a.Owners.Select(o => o.PersonId).ToHashSet();
        // Who set an owner's answer: the owner's own row at that moment, or a coach's row (a coach is no owner).
        string? AnsweredBy(AgreementOwner owner) => a.History
            .Where(h => h.At == owner.AnsweredAt && !h.IsHelpThread && (h.PersonId == owner.PersonId || !ownerIds.Contains(h.PersonId)))
            .MaxBy(h => h.Id) is { } change ? PersonRef.NameOf(change.Person) : null;
        return new AgreementView(
            a.Id, a.CommunityId, a.Community.Name, LocalClock.Zone(a.Community.TimeZone), a.Kind, a.Text, a.Status,
            a.WholeGroup, [.. a.Owners.Select(o => PersonRef.Of(o.Person)).OrderBy(p => p.Name)],
            a.WholeGroupDepends, [.. a.Dependants.Select(d => PersonRef.Of(d.Person)).OrderBy(p => p.Name)],
            due is null ? null : SessionRef.Of(due),
            last is null ? null : new ChangeRef(PersonRef.NameOf(last.Person), last.At, last.To, last.Comment),
            a.Community.ChannelConversationId is not null)
        {
            ReadAt = now,
            Route = new CommunityRoute(a.Community.TenantId, a.Community.ChannelConversationId, a.Community.Language),
            Answers = [.. a.Owners.OrderBy(o => PersonRef.NameOf(o.Person))
                .Select(o => new OwnerAnswer(PersonRef.Of(o.Person), o.Status, o.AnsweredAt, o.AnsweredAt is null ? null : AnsweredBy(o)))],
        };
    }
}
