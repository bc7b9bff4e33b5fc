using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Briefings;

/// <summary>
/// Every minute: the briefing rows whose moment has come (read through the (State, DueAt) index) go to the session's
/// coaches, once per session version, with the latest check-in's headline. The rows are written when sessions change (<see cref="BriefingPlanner"/>).
/// </summary>
public sealed class BriefingSweep(AppDbContext db, AgreementQueries queries, AttendanceQueries attendance, CheckInReports checkIns, TenantContactRules tenantRules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "coach-briefings";
    private const int AttendanceSessions = 3;

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.BriefingPlans.Where(p => p.State == BriefingState.Planned && p.DueAt <= now).ToListAsync(ct);
        if (due.Count == 0)
        {
            return;
        }
        var sessionIds = due.Select(p => p.SessionId).ToList();
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Community).Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var plan in due)
        {
            var session = sessions[plan.SessionId];
            if (session.Status != SessionStatus.Planned || session.Version != plan.SessionVersion || session.StartsAt <= now)
            {
                plan.State = BriefingState.Cancelled;
                continue;
            }
            var zone = LocalClock.Zone(session.Community.TimeZone);
            // Outside school hours the briefing waits for the next moment the bot may write.
            var rules = await tenantRules.ForAsync(session.Community.TenantId, ct);
            if (!rules.MayContactAt(now, zone))
            {
                continue;
            }
            await BriefCoachesAsync(session, zone, rules, ct);
            plan.State = BriefingState.Sent;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task BriefCoachesAsync(Session session, TimeZoneInfo zone, ContactRules rules, CancellationToken ct)
    {
        var people = await CommunityPeople.ActiveAsync(db, session.CommunityId, ct);
        // A run that died after enqueueing some coaches left the row planned: the card is built only for those still waiting.
        var sent = await outbox.ExistingAsync([.. CommunityPeople.Coaches(people).Select(c => Key(session, c.PersonId))], ct);
        var waiting = CommunityPeople.Coaches(people).Where(c => !sent.Contains(Key(session, c.PersonId))).ToList();
        if (waiting.Count == 0)
        {
            return;
        }
        var model = await ModelAsync(session, zone, rules, ct);
        foreach (var coach in waiting)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = Key(session, coach.PersonId),
                TenantId = session.Community.TenantId,
                PersonId = coach.PersonId,
                Card = BriefingCard.Build(model, coach.Language),
                Purpose = "briefing",
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
    }

    private static string Key(Session session, long coachId) => $"briefing:{session.Id}:v{session.Version}:{coachId}";

    private async Task<BriefingModel> ModelAsync(Session session, TimeZoneInfo zone, ContactRules rules, CancellationToken ct)
    {
        var agreements = await queries.DueAtAsync(session.Id, ct);
        var ids = agreements.Select(a => a.Id).ToList();
        // Who asks help now (an owner who asked and then finished is no longer listed), with the comment of their latest request.
        var help = await db.AgreementChanges.AsNoTracking()
            .Where(h => ids.Contains(h.AgreementId) && h.To == AgreementStatus.NeedHelp)
            .OrderBy(h => h.Id).ToListAsync(ct);
        var asking = agreements.SelectMany(a => a.Answers.Where(o => o.Status == AgreementStatus.NeedHelp)
            .Select(o => new HelpRequest(o.Person.Name, a.Text, help.LastOrDefault(h => h.AgreementId == a.Id && h.PersonId == o.Person.Id)?.Comment)))
            .ToList();
        // Only what a coach recorded counts: a session without attendance is "not recorded", never "0 present".
        var past = (await attendance.LastHeldAsync(session.CommunityId, AttendanceSessions, ct))
            .Select(s => new PastAttendance(s.StartsAt, s.Present, s.Recorded ? s.Present + s.Absent : 0))
            .ToList();
        var regrets = await attendance.RegretsAsync(session.Id, ct);
        return new BriefingModel(
            session.Community.Name, zone, SessionRef.Of(session), agreements,
            asking,
            past,
            clock.GetUtcNow(),
            rules.BriefingMoment(session.StartsAt, zone)?.BeforeHoliday == true,
            [.. regrets.Select(r => new BriefingRegret(r.Name, r.Reason))],
            await checkIns.LatestClosedAsync(session.CommunityId, ct));
    }
}
