using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
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
public sealed class NudgeSweep(AppDbContext db, RecordCardLoader recordCards, PlanNudges planNudges, TenantContactRules tenantRules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "coach-nudges";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Record nudges whose evening has come (the (State, DueAt) index), with their session and community.
        var dueRecords = await db.RecordNudgePlans.Where(p => p.State == RecordNudgeState.Planned && p.DueAt <= now)
            .Join(db.Sessions, p => p.SessionId, s => s.Id, (p, s) => new
            {
                Plan = p,
                Session = new NudgeSession(s.Id, s.CommunityId, s.StartsAt, s.Status, s.Version, s.CreatedAt),
                Community = new NudgeCommunity(s.Community.Id, s.Community.TenantId, s.Community.Name, s.Community.TimeZone, s.Community.CadenceKind, s.Community.CadenceCount),
            })
            .ToListAsync(ct);
        // Communities whose cadence deadline is near (the NudgeFrom index): the only ones to ask to plan a session.
        var deadlines = await db.CadenceDeadlines.AsNoTracking().Where(d => d.NudgeFrom <= now)
            .Join(db.Communities, d => d.CommunityId, c => c.Id, (d, c) => new { Community = new NudgeCommunity(c.Id, c.TenantId, c.Name, c.TimeZone, c.CadenceKind, c.CadenceCount), d.NudgeFrom })
            .ToListAsync(ct);
        var behind = deadlines.Select(d => d.Community).ToList();
        foreach (var stale in dueRecords.Where(r => r.Session.Status == SessionStatus.Cancelled || r.Session.Version != r.Plan.SessionVersion || now >= r.Plan.Until))
        {
            stale.Plan.State = RecordNudgeState.Cancelled;
        }
        List<(NudgeCommunity Community, ContactRules Rules)> communities = [];
        foreach (var candidate in dueRecords.Where(r => r.Plan.State == RecordNudgeState.Planned).Select(r => r.Community).Concat(behind).DistinctBy(c => c.Id))
        {
            var rules = await tenantRules.ForAsync(candidate.TenantId, ct);
            if (rules.MayContactAt(now, LocalClock.Zone(candidate.TimeZone)))
            {
                communities.Add((candidate, rules));
            }
        }
        var behindIds = behind.Select(c => c.Id).Intersect(communities.Select(c => c.Community.Id)).ToList();
        var history = behindIds.Count == 0 ? [] : await db.Sessions.AsNoTracking().Where(s => behindIds.Contains(s.CommunityId))
            .Select(s => new NudgeSession(s.Id, s.CommunityId, s.StartsAt, s.Status, s.Version, s.CreatedAt)).ToListAsync(ct);
        var sessionsOf = history.ToLookup(s => s.CommunityId);
        var recordsOf = dueRecords.Where(r => r.Plan.State == RecordNudgeState.Planned).ToLookup(r => r.Community.Id);
        foreach (var (community, rules) in communities)
        {
            var zone = LocalClock.Zone(community.TimeZone);
            var toRecord = recordsOf[community.Id].ToList();
            var planGap = behindIds.Contains(community.Id) ? planNudges.Gap([.. sessionsOf[community.Id]], community, zone, rules.Calendar, now) : null;
            if (toRecord.Count == 0 && planGap is null)
            {
                continue;
            }
            var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, community.Id, ct));
            var week = Week(now, zone);
            var keys = coaches.SelectMany(c => toRecord.Select(r => RecordKey(r.Session.Id, c.PersonId)).Append(PlanNudges.Key(community.Id, week, c.PersonId))).ToList();
            var sent = await outbox.ExistingAsync(keys, ct);
            foreach (var record in toRecord)
            {
                await NudgeToRecordAsync(community.TenantId, record.Session, [.. coaches.Where(c => !sent.Contains(RecordKey(record.Session.Id, c.PersonId)))], ct);
                record.Plan.State = RecordNudgeState.Done;
            }
            if (planGap is { } gap)
            {
                await planNudges.NudgeAsync(community, gap, zone, week, [.. coaches.Where(c => !sent.Contains(PlanNudges.Key(community.Id, week, c.PersonId)))], now, ct);
            }
        }
        foreach (var deadline in deadlines.Where(d => behindIds.Contains(d.Community.Id)))
        {
            await planNudges.PostponeToNextWeekAsync(deadline.Community, deadline.NudgeFrom, now, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task NudgeToRecordAsync(string tenantId, NudgeSession session, IReadOnlyList<CommunityPerson> coaches, CancellationToken ct)
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
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
    }

    private static string Week(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(now, zone);
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):D2}";
    }

    private static string RecordKey(long sessionId, long coachId) => $"nudge:record:{sessionId}:{coachId}";
}
