using System.Globalization;
using CommunityBot.Agreements;
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
/// when the cadence norm is about to be missed. Only when the bot may write (no quiet hours, weekends or holidays).
/// A run reads only what may be due: sessions of the last few days and communities past their <see cref="CadenceDeadline"/>,
/// and one that has nothing new to send stays cheap: the dedupe keys are looked up before any card is built.
/// </summary>
public sealed class NudgeSweep(AppDbContext db, RecordCardLoader recordCards, ContactRules rules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "coach-nudges";

    /// <summary>After this long, asking to record a session's agreements is no longer useful.</summary>
    private static readonly TimeSpan RecordNudgeWindow = TimeSpan.FromDays(4);

    /// <summary>A community that does not answer two "plan a session" nudges has paused; it is not asked again until a session is planned.</summary>
    public const int MaxPlanNudgesPerGap = 2;

    private sealed record CommunityRow(long Id, string TenantId, string Name, string? TimeZone);

    private sealed record SessionRow(long Id, long CommunityId, DateTimeOffset StartsAt, TimeSpan Duration, SessionStatus Status, DateTimeOffset CreatedAt)
    {
        public DateTimeOffset EndsAt => StartsAt + Duration;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var windowStart = now - RecordNudgeWindow;
        // Sessions of the last few days (the StartsAt index): the only ones a coach may be asked to record agreements of.
        var recent = await db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt > windowStart && s.StartsAt <= now && s.Status != SessionStatus.Cancelled)
            .Select(s => new
            {
                Session = new SessionRow(s.Id, s.CommunityId, s.StartsAt, s.Duration, s.Status, s.CreatedAt),
                Community = new CommunityRow(s.Community.Id, s.Community.TenantId, s.Community.Name, s.Community.TimeZone),
            })
            .ToListAsync(ct);
        // Communities whose cadence deadline is near (the NudgeFrom index): the only ones to ask to plan a session.
        var behind = await db.CadenceDeadlines.AsNoTracking().Where(d => d.NudgeFrom <= now)
            .Join(db.Communities, d => d.CommunityId, c => c.Id, (d, c) => new CommunityRow(c.Id, c.TenantId, c.Name, c.TimeZone))
            .ToListAsync(ct);
        var communities = recent.Select(r => r.Community).Concat(behind).DistinctBy(c => c.Id)
            .Where(c => rules.MayContactAt(now, LocalClock.Zone(c.TimeZone))).ToList();
        if (communities.Count == 0)
        {
            return;
        }
        var behindIds = behind.Select(c => c.Id).Intersect(communities.Select(c => c.Id)).ToList();
        var history = behindIds.Count == 0 ? [] : await db.Sessions.AsNoTracking().Where(s => behindIds.Contains(s.CommunityId))
            .Select(s => new SessionRow(s.Id, s.CommunityId, s.StartsAt, s.Duration, s.Status, s.CreatedAt)).ToListAsync(ct);
        var sessionsOf = history.ToLookup(s => s.CommunityId);
        var recentOf = recent.Select(r => r.Session).ToLookup(s => s.CommunityId);
        foreach (var community in communities)
        {
            var zone = LocalClock.Zone(community.TimeZone);
            var toRecord = recentOf[community.Id].Where(s => s.EndsAt <= now && now >= RecordMoment(s, zone)).ToList();
            var planGap = behindIds.Contains(community.Id) ? PlanGap([.. sessionsOf[community.Id]], now) : null;
            if (toRecord.Count == 0 && planGap is null)
            {
                continue;
            }
            var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, community.Id, ct));
            var week = Week(now, zone);
            var keys = coaches.SelectMany(c => toRecord.Select(s => RecordKey(s.Id, c.PersonId)).Append(PlanKey(community.Id, week, c.PersonId))).ToList();
            var sent = await outbox.ExistingAsync(keys, ct);
            foreach (var session in toRecord)
            {
                await NudgeToRecordAsync(community.TenantId, session, [.. coaches.Where(c => !sent.Contains(RecordKey(session.Id, c.PersonId)))], ct);
            }
            if (planGap is { } gap)
            {
                await NudgeToPlanAsync(community, gap, zone, week, [.. coaches.Where(c => !sent.Contains(PlanKey(community.Id, week, c.PersonId)))], ct);
            }
        }
    }

    private DateTimeOffset RecordMoment(SessionRow session, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(session.StartsAt, zone));
        var evening = LocalClock.ToInstant(day, rules.Options.NudgeLocalTime, zone);
        return evening > session.EndsAt ? evening : session.EndsAt;
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

    /// <summary>The gap to nudge about: no planned session ahead and the cadence deadline near. Null when there is none.</summary>
    private PlanGapInfo? PlanGap(List<SessionRow> sessions, DateTimeOffset now)
    {
        var kept = sessions.Where(s => s.Status != SessionStatus.Cancelled).ToList();
        if (kept.Count == 0 || kept.Any(s => s.Status == SessionStatus.Planned && s.StartsAt > now))
        {
            return null;
        }
        var last = kept.Max(s => s.StartsAt);
        var deadline = last.AddDays(7 * rules.Options.MaxWeeksBetweenSessions);
        if (now < deadline.AddDays(-rules.Options.CadenceWarningDays))
        {
            return null;
        }
        // Nudges count from the last session, or from the last time a session was planned (even if it was cancelled since).
        var newestPlanning = sessions.Max(s => s.CreatedAt);
        return new PlanGapInfo(last, newestPlanning > last ? newestPlanning : last);
    }

    private sealed record PlanGapInfo(DateTimeOffset LastSession, DateTimeOffset CountFrom);

    private async Task NudgeToPlanAsync(CommunityRow community, PlanGapInfo gap, TimeZoneInfo zone, string week, IReadOnlyList<CommunityPerson> coaches, CancellationToken ct)
    {
        foreach (var coach in coaches)
        {
            if (await outbox.CountForPersonSinceAsync(PlanKeyPrefix(community.Id), coach.PersonId, gap.CountFrom, ct) >= MaxPlanNudgesPerGap)
            {
                continue;
            }
            var card = PlanSessionNudgeCard.Build(community.Id, community.Name, Formats.Day(gap.LastSession, zone, coach.Language), rules.Options.MaxWeeksBetweenSessions, coach.Language);
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

    private static string Week(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = LocalClock.ToLocal(now, zone);
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):D2}";
    }

    private static string RecordKey(long sessionId, long coachId) => $"nudge:record:{sessionId}:{coachId}";

    private static string PlanKeyPrefix(long communityId) => $"nudge:plan:{communityId}:";

    private static string PlanKey(long communityId, string week, long coachId) => $"{PlanKeyPrefix(communityId)}{week}:{coachId}";
}
