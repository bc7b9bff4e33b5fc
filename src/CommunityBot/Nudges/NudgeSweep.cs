using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.Communities.Cadence;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Nudges;

/// <summary>
/// Every minute: asks the coach to record agreements the evening after a session without any, and to plan a session
/// when the community's cadence norm is about to be missed. Only when the bot may write (no quiet hours, weekends or holidays).
/// A run reads only what is due: <see cref="RecordNudgePlan"/> rows and communities past their <see cref="CadenceDeadline"/>,
/// and one that has nothing new to send stays cheap: the dedupe keys are looked up before any card is built.
/// </summary>
public sealed class NudgeSweep(AppDbContext db, RecordCardLoader recordCards, ContactRules rules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "coach-nudges";

    /// <summary>A community that does not answer two "plan a session" nudges has paused; it is not asked again until a session is planned.</summary>
    public const int MaxPlanNudgesPerGap = 2;

    private sealed record CommunityRow(long Id, string TenantId, string Name, string? TimeZone, CadenceKind CadenceKind, int CadenceCount);

    private sealed record SessionRow(long Id, long CommunityId, DateTimeOffset StartsAt, SessionStatus Status, int Version, DateTimeOffset CreatedAt);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Record nudges whose evening has come (the (State, DueAt) index), with their session and community.
        var dueRecords = await db.RecordNudgePlans.Where(p => p.State == RecordNudgeState.Planned && p.DueAt <= now)
            .Join(db.Sessions, p => p.SessionId, s => s.Id, (p, s) => new
            {
                Plan = p,
                Session = new SessionRow(s.Id, s.CommunityId, s.StartsAt, s.Status, s.Version, s.CreatedAt),
                Community = new CommunityRow(s.Community.Id, s.Community.TenantId, s.Community.Name, s.Community.TimeZone, s.Community.CadenceKind, s.Community.CadenceCount),
            })
            .ToListAsync(ct);
        // Communities whose cadence deadline is near (the NudgeFrom index): the only ones to ask to plan a session.
        var deadlines = await db.CadenceDeadlines.AsNoTracking().Where(d => d.NudgeFrom <= now)
            .Join(db.Communities, d => d.CommunityId, c => c.Id, (d, c) => new { Community = new CommunityRow(c.Id, c.TenantId, c.Name, c.TimeZone, c.CadenceKind, c.CadenceCount), d.NudgeFrom })
            .ToListAsync(ct);
        var behind = deadlines.Select(d => d.Community).ToList();
        foreach (var stale in dueRecords.Where(r => r.Session.Status == SessionStatus.Cancelled || r.Session.Version != r.Plan.SessionVersion || now >= r.Plan.Until))
        {
            stale.Plan.State = RecordNudgeState.Cancelled;
        }
        var communities = dueRecords.Where(r => r.Plan.State == RecordNudgeState.Planned).Select(r => r.Community).Concat(behind).DistinctBy(c => c.Id)
            .Where(c => rules.MayContactAt(now, LocalClock.Zone(c.TimeZone))).ToList();
        var behindIds = behind.Select(c => c.Id).Intersect(communities.Select(c => c.Id)).ToList();
        var history = behindIds.Count == 0 ? [] : await db.Sessions.AsNoTracking().Where(s => behindIds.Contains(s.CommunityId))
            .Select(s => new SessionRow(s.Id, s.CommunityId, s.StartsAt, s.Status, s.Version, s.CreatedAt)).ToListAsync(ct);
        var sessionsOf = history.ToLookup(s => s.CommunityId);
        var recordsOf = dueRecords.Where(r => r.Plan.State == RecordNudgeState.Planned).ToLookup(r => r.Community.Id);
        foreach (var community in communities)
        {
            var zone = LocalClock.Zone(community.TimeZone);
            var toRecord = recordsOf[community.Id].ToList();
            var planGap = behindIds.Contains(community.Id) ? PlanGap([.. sessionsOf[community.Id]], community, zone, now) : null;
            if (toRecord.Count == 0 && planGap is null)
            {
                continue;
            }
            var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, community.Id, ct));
            var week = Week(now, zone);
            var keys = coaches.SelectMany(c => toRecord.Select(r => RecordKey(r.Session.Id, c.PersonId)).Append(PlanKey(community.Id, week, c.PersonId))).ToList();
            var sent = await outbox.ExistingAsync(keys, ct);
            foreach (var record in toRecord)
            {
                await NudgeToRecordAsync(community.TenantId, record.Session, [.. coaches.Where(c => !sent.Contains(RecordKey(record.Session.Id, c.PersonId)))], ct);
                record.Plan.State = RecordNudgeState.Done;
            }
            if (planGap is { } gap)
            {
                await NudgeToPlanAsync(community, gap, zone, week, [.. coaches.Where(c => !sent.Contains(PlanKey(community.Id, week, c.PersonId)))], ct);
            }
        }
        foreach (var deadline in deadlines.Where(d => behindIds.Contains(d.Community.Id)))
        {
            await PostponeToNextWeekAsync(deadline.Community, deadline.NudgeFrom, now, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task NudgeToRecordAsync(string tenantId, SessionRow session, IReadOnlyList<CommunityPerson> coaches, CancellationToken ct)
    {
        if (coaches.Count == 0 || await db.Agreements.AnyAsync(a => a.MadeAtSessionId == session.Id, ct))
        {
            return;
        }
        foreach (var coach in coaches)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = RecordKey(session.Id, coach.PersonId),
                TenantId = tenantId,
                PersonId = coach.PersonId,
                Card = await recordCards.BuildAsync(session.CommunityId, session.Id, coach.Language, null, ct),
                Purpose = "nudge",
            }, ct);
        }
    }

    /// <summary>
    /// The gap to nudge about: no planned session ahead and the community's norm about to be missed
    /// (<see cref="CadenceRule"/>, re-checked here against the sessions as they are now). Null when there is none.
    /// </summary>
    private PlanGapInfo? PlanGap(List<SessionRow> sessions, CommunityRow community, TimeZoneInfo zone, DateTimeOffset now)
    {
        var kept = sessions.Where(s => s.Status != SessionStatus.Cancelled).ToList();
        if (kept.Count == 0 || kept.Any(s => s.Status == SessionStatus.Planned && s.StartsAt > now))
        {
            return null;
        }
        var due = CadenceRule.Due(community.CadenceKind, community.CadenceCount, [.. kept.Select(s => s.StartsAt)], zone, rules.Calendar, rules.Options.CadenceWarningDays);
        if (now < due.NudgeFrom)
        {
            return null;
        }
        var last = kept.Max(s => s.StartsAt);
        // Nudges count from the last session, or from the last time a session was planned (even if it was cancelled since).
        var newestPlanning = sessions.Max(s => s.CreatedAt);
        return new PlanGapInfo(last, newestPlanning > last ? newestPlanning : last, due.SessionsToGo);
    }

    private sealed record PlanGapInfo(DateTimeOffset LastSession, DateTimeOffset CountFrom, int? SessionsToGo);

    private async Task NudgeToPlanAsync(CommunityRow community, PlanGapInfo gap, TimeZoneInfo zone, string week, IReadOnlyList<CommunityPerson> coaches, CancellationToken ct)
    {
        foreach (var coach in coaches)
        {
            if (await outbox.CountForPersonSinceAsync(PlanKeyPrefix(community.Id), coach.PersonId, gap.CountFrom, ct) >= MaxPlanNudgesPerGap)
            {
                continue;
            }
            var card = PlanSessionNudgeCard.Build(community.Id, community.Name, Formats.Day(gap.LastSession, zone, coach.Language),
                new CadenceNudge(community.CadenceKind, community.CadenceCount, gap.SessionsToGo), coach.Language);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = PlanKey(community.Id, week, coach.PersonId),
                TenantId = community.TenantId,
                PersonId = coach.PersonId,
                Card = card,
                Purpose = "nudge",
            }, ct);
        }
    }

    /// <summary>
    /// A plan nudge goes out at most once a week, so a community handled this week (nudged, or paused after
    /// <see cref="MaxPlanNudgesPerGap"/>) is due again next Monday, not every minute. Conditional: a session planned
    /// meanwhile has moved the deadline, and that move wins.
    /// </summary>
    private async Task PostponeToNextWeekAsync(CommunityRow community, DateTimeOffset seen, DateTimeOffset now, CancellationToken ct)
    {
        var zone = LocalClock.Zone(community.TimeZone);
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var nextMonday = LocalClock.ToInstant(today.AddDays(daysToMonday == 0 ? 7 : daysToMonday), TimeOnly.MinValue, zone);
        await db.CadenceDeadlines.Where(d => d.CommunityId == community.Id && d.NudgeFrom == seen)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.NudgeFrom, nextMonday), ct);
    }

    private static string Week(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(now, zone);
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):D2}";
    }

    private static string RecordKey(long sessionId, long coachId) => $"nudge:record:{sessionId}:{coachId}";

    private static string PlanKeyPrefix(long communityId) => $"nudge:plan:{communityId}:";

    private static string PlanKey(long communityId, string week, long coachId) => $"{PlanKeyPrefix(communityId)}{week}:{coachId}";
}
