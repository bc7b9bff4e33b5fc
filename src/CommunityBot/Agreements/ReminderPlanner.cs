using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Keeps the reminder rows in line with the agreements and their sessions: one row per owner who still has it to do
/// (open or help asked) and is a plain member now, and per offset, for the current version of the due session. Rows
/// of an older version, of a former owner, of an owner who answered or of a closed agreement are cancelled, so a
/// stale reminder can never be sent.
/// </summary>
public sealed class ReminderPlanner(AppDbContext db, TenantContactRules tenantRules, TimeProvider clock, ILogger<ReminderPlanner> logger) : ISessionPlansListener
{
    /// <summary>
    /// Re-plans the given agreements after they were recorded or answered: reminders of a closed one, and of an owner
    /// who answered done or won't make it, are cancelled; the others get their missing rows. Call inside the
    /// transaction of the change.
    /// </summary>
    public async Task PlanAsync(IReadOnlyCollection<long> agreementIds, CancellationToken ct)
    {
        await CancelClosedAsync(agreementIds, ct);
        await PlanActiveAsync(db.Agreements.Where(a => agreementIds.Contains(a.Id)), ct);
    }

    /// <summary>
    /// After one answer (or a coach closing the agreement): an owner leaving "still to do" only needs their rows
    /// cancelled, one coming back needs them planned again, and a move within it (open to help asked) changes no row.
    /// Call inside the transaction of the change.
    /// </summary>
    public Task AnsweredAsync(long agreementId, AgreementStatus from, AgreementStatus to, CancellationToken ct) =>
        (Agreement.StillToDo(from), Agreement.StillToDo(to)) switch
        {
            (false, true) => PlanAsync([agreementId], ct),
            (true, false) => CancelClosedAsync([agreementId], ct),
            _ => Task.CompletedTask,
        };

    /// <summary>A session of the community was planned, moved or cancelled: its open agreements follow their (new) due session.</summary>
    public Task SessionsChangedAsync(long communityId, CancellationToken ct) =>
        PlanActiveAsync(db.Agreements.Where(a => a.CommunityId == communityId), ct);

    private async Task PlanActiveAsync(IQueryable<Agreement> scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var agreements = await scope.Include(a => a.Owners).Include(a => a.Community)
            .Where(a => a.Status == AgreementStatus.Open || a.Status == AgreementStatus.NeedHelp)
            .ToListAsync(ct);
        if (agreements.Count == 0)
        {
            return;
        }
        var communityIds = agreements.Select(a => a.CommunityId).Distinct().ToList();
        var dueIds = agreements.Where(a => a.DueSessionId is not null).Select(a => a.DueSessionId!.Value).Distinct().ToList();
        // Only the sessions that can matter: the ones agreements are due at, and those still to come.
        var sessions = (await db.Sessions.AsNoTracking()
                .Where(s => dueIds.Contains(s.Id) || (communityIds.Contains(s.CommunityId) && s.Status == SessionStatus.Planned && s.StartsAt > now))
                .ToListAsync(ct))
            .ToLookup(s => s.CommunityId);
        var remindable = (await CommunityPeople.Remindable(db).Where(m => communityIds.Contains(m.CommunityId))
                .Select(m => new { m.CommunityId, m.PersonId }).ToListAsync(ct))
            .Select(m => (m.CommunityId, m.PersonId)).ToHashSet();
        var ids = agreements.Select(a => a.Id).ToList();
        var plans = (await db.ReminderPlans.Where(r => ids.Contains(r.AgreementId)).ToListAsync(ct)).ToLookup(r => r.AgreementId);

        List<ReminderPlan> added = [];
        foreach (var agreement in agreements)
        {
            var due = CurrentDueSession(agreement, sessions[agreement.CommunityId], now);
            var owners = agreement.Owners
                .Where(o => Agreement.StillToDo(o.Status) && remindable.Contains((agreement.CommunityId, o.PersonId)))
                .Select(o => o.PersonId).ToHashSet();
            var rules = await tenantRules.ForAsync(agreement.Community.TenantId, ct);
            Reconcile(agreement, owners, due, [.. plans[agreement.Id]], added, rules, now);
        }
        await db.SaveChangesAsync(ct);
        // Another instance may have planned the same rows a moment earlier: its rows win (same content).
        await db.InsertOrIgnoreRangeAsync(added, ct);
    }

    /// <summary>Reminders of agreements that are done, dropped or given up, and of owners who answered so, are cancelled.</summary>
    private async Task CancelClosedAsync(IReadOnlyCollection<long> agreementIds, CancellationToken ct)
    {
        var cancelled = await db.ReminderPlans
            .Where(r => agreementIds.Contains(r.AgreementId) && r.State == ReminderState.Planned
                && (db.Agreements.Any(a => a.Id == r.AgreementId && a.Status != AgreementStatus.Open && a.Status != AgreementStatus.NeedHelp)
                    || !db.Set<AgreementOwner>().Any(o => o.AgreementId == r.AgreementId && o.PersonId == r.PersonId
                        && (o.Status == AgreementStatus.Open || o.Status == AgreementStatus.NeedHelp))))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, ReminderState.Cancelled), ct);
        if (cancelled > 0)
        {
            AgreementLog.RemindersCancelled(logger, cancelled);
        }
    }

    /// <summary>The session the agreement is due at; an unplanned or cancelled one gives way to the next planned session.</summary>
    private static Session? CurrentDueSession(Agreement agreement, IEnumerable<Session> sessions, DateTimeOffset now)
    {
        var all = sessions.ToList();
        var due = all.FirstOrDefault(s => s.Id == agreement.DueSessionId);
        if (due is null || due.Status == SessionStatus.Cancelled)
        {
            due = all.Where(s => s.Status == SessionStatus.Planned && s.StartsAt > now && s.Id != agreement.MadeAtSessionId)
                .MinBy(s => s.StartsAt);
            if (due is not null || agreement.DueSessionId is not null)
            {
                agreement.DueSessionId = due?.Id;
            }
        }
        return due;
    }

    /// <param name="owners">The owners to remind: still to do it, and a plain member of the community now.</param>
    private void Reconcile(Agreement agreement, HashSet<long> owners, Session? due, List<ReminderPlan> existing, List<ReminderPlan> added, ContactRules rules, DateTimeOffset now)
    {
        foreach (var stale in existing.Where(r => r.State == ReminderState.Planned
                     && (due is null || r.SessionId != due.Id || r.SessionVersion != due.Version || !owners.Contains(r.PersonId))))
        {
            stale.State = ReminderState.Cancelled;
            AgreementLog.ReminderStale(logger, stale.Id, agreement.Id);
        }
        if (due is null || due.Status != SessionStatus.Planned || due.StartsAt <= now)
        {
            return;
        }
        var zone = LocalClock.Zone(agreement.Community.TimeZone);
        foreach (var owner in owners)
        {
            // Two offsets can land on the same school day (e.g. before a holiday): one reminder is enough, and the one
            // nearest the session is kept, because it is the one that says "after the holiday".
            HashSet<DateTimeOffset> moments = [];
            foreach (var offset in rules.Options.EffectiveReminderOffsets.Order())
            {
                var plan = existing.FirstOrDefault(r => r.PersonId == owner && r.OffsetDays == offset && r.SessionId == due.Id && r.SessionVersion == due.Version);
                if (plan is { State: ReminderState.Cancelled })
                {
                    // Reminded again (added back as owner, back from done): a cancelled row was never sent, so it can
                    // come back with a moment computed now; the unique key would refuse a second row.
                    var dueAt = rules.ReminderDue(due.StartsAt, offset, zone, agreement.CreatedAt, now);
                    (plan.DueAt, plan.PlannedAt) = (dueAt, now);
                    plan.State = dueAt is null || moments.Contains(dueAt.Value) ? ReminderState.Skipped : ReminderState.Planned;
                }
                else if (plan is null)
                {
                    var dueAt = rules.ReminderDue(due.StartsAt, offset, zone, agreement.CreatedAt, now);
                    plan = new ReminderPlan
                    {
                        AgreementId = agreement.Id,
                        PersonId = owner,
                        OffsetDays = offset,
                        SessionId = due.Id,
                        SessionVersion = due.Version,
                        DueAt = dueAt,
                        State = dueAt is null || moments.Contains(dueAt.Value) ? ReminderState.Skipped : ReminderState.Planned,
                        PlannedAt = now,
                    };
                    added.Add(plan);
                }
                if (plan.DueAt is { } at && plan.State != ReminderState.Skipped)
                {
                    moments.Add(at);
                }
            }
        }
    }
}
