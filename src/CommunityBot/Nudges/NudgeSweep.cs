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
/// </summary>
public sealed class NudgeSweep(AppDbContext db, RecordCardLoader recordCards, ContactRules rules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "coach-nudges";

    /// <summary>After this long, asking to record a session's agreements is no longer useful.</summary>
    private static readonly TimeSpan RecordNudgeWindow = TimeSpan.FromDays(4);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var communities = await db.Communities.AsNoTracking().ToListAsync(ct);
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.Status != SessionStatus.Cancelled).ToListAsync(ct)).ToLookup(s => s.CommunityId);
        foreach (var community in communities)
        {
            var zone = LocalClock.Zone(community.TimeZone);
            if (!rules.MayContactAt(now, zone))
            {
                continue;
            }
            var own = sessions[community.Id].ToList();
            var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, community.Id, ct));
            foreach (var session in own.Where(s => s.StartsAt + s.Duration <= now && s.StartsAt > now - RecordNudgeWindow))
            {
                await NudgeToRecordAsync(community.TenantId, session, zone, coaches, now, ct);
            }
            await NudgeToPlanAsync(community, own, zone, coaches, now, ct);
        }
    }

    private async Task NudgeToRecordAsync(string tenantId, Session session, TimeZoneInfo zone, IReadOnlyList<CommunityPerson> coaches, DateTimeOffset now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(session.StartsAt, zone));
        var evening = LocalClock.ToInstant(day, rules.Options.NudgeLocalTime, zone);
        var moment = evening > session.StartsAt + session.Duration ? evening : session.StartsAt + session.Duration;
        if (now < moment || await db.Agreements.AnyAsync(a => a.MadeAtSessionId == session.Id, ct))
        {
            return;
        }
        foreach (var coach in coaches)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"nudge:record:{session.Id}:{coach.PersonId}",
                TenantId = tenantId,
                PersonId = coach.PersonId,
                Card = await recordCards.BuildAsync(session.CommunityId, session.Id, coach.Language, null, ct),
                Purpose = "nudge",
            }, ct);
        }
    }

    private async Task NudgeToPlanAsync(Communities.Community community, List<Session> sessions, TimeZoneInfo zone, IReadOnlyList<CommunityPerson> coaches, DateTimeOffset now, CancellationToken ct)
    {
        if (sessions.Count == 0 || sessions.Any(s => s.Status == SessionStatus.Planned && s.StartsAt > now))
        {
            return;
        }
        var last = sessions.Max(s => s.StartsAt);
        var deadline = last.AddDays(7 * rules.Options.MaxWeeksBetweenSessions);
        if (now < deadline.AddDays(-rules.Options.CadenceWarningDays))
        {
            return;
        }
        var local = LocalClock.ToLocal(now, zone);
        var week = $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):D2}";
        foreach (var coach in coaches)
        {
            var card = PlanSessionNudgeCard.Build(community.Id, community.Name, Formats.Day(last, zone, coach.Language), rules.Options.MaxWeeksBetweenSessions, coach.Language);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"nudge:plan:{community.Id}:{week}:{coach.PersonId}",
                TenantId = community.TenantId,
                PersonId = coach.PersonId,
                Card = card,
                Purpose = "nudge",
            }, ct);
        }
    }
}
