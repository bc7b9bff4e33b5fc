using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Briefings;

/// <summary>
/// Every minute: for each session whose briefing moment (by default the school day before, 16:00 local) has come,
/// the coaches get the briefing once per session version.
/// </summary>
public sealed class BriefingSweep(AppDbContext db, AgreementQueries queries, ContactRules rules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "coach-briefings";
    private const int AttendanceSessions = 3;

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Filtered on status in SQL and on time in memory: SQLite cannot compare DateTimeOffset columns, and planned
        // sessions are few (a handful per community, and only the upcoming ones stay Planned).
        var planned = (await db.Sessions.AsNoTracking().Include(s => s.Community).Where(s => s.Status == SessionStatus.Planned).ToListAsync(ct))
            .Where(s => s.StartsAt > now).ToList();
        foreach (var session in planned)
        {
            var zone = LocalClock.Zone(session.Community.TimeZone);
            var moment = rules.MomentBefore(session.StartsAt, rules.Options.BriefingDaysBefore, rules.Options.BriefingLocalTime, zone);
            if (now < moment || !rules.MayContactAt(now, zone))
            {
                continue;
            }
            var people = await CommunityPeople.ActiveAsync(db, session.CommunityId, ct);
            // From the briefing moment until the session this runs every minute: build the briefing only for a coach who has not had it.
            var sent = await outbox.ExistingAsync([.. CommunityPeople.Coaches(people).Select(c => Key(session, c.PersonId))], ct);
            var waiting = CommunityPeople.Coaches(people).Where(c => !sent.Contains(Key(session, c.PersonId))).ToList();
            if (waiting.Count == 0)
            {
                continue;
            }
            var model = await ModelAsync(session, zone, people.Count(p => p.Role == Communities.CommunityRole.Member), ct);
            foreach (var coach in waiting)
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = Key(session, coach.PersonId),
                    TenantId = session.Community.TenantId,
                    PersonId = coach.PersonId,
                    Card = BriefingCard.Build(model, coach.Language),
                    Purpose = "briefing",
                }, ct);
            }
        }
    }

    private static string Key(Session session, long coachId) => $"briefing:{session.Id}:v{session.Version}:{coachId}";

    private async Task<BriefingModel> ModelAsync(Session session, TimeZoneInfo zone, int members, CancellationToken ct)
    {
        var agreements = await queries.DueAtAsync(session.Id, ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var help = await db.AgreementChanges.AsNoTracking().Include(h => h.Person)
            .Where(h => ids.Contains(h.AgreementId) && h.To == AgreementStatus.NeedHelp)
            .OrderBy(h => h.Id).ToListAsync(ct);
        var past = (await db.Sessions.AsNoTracking().Include(s => s.Attendance)
                .Where(s => s.CommunityId == session.CommunityId && s.Status == SessionStatus.Held).ToListAsync(ct))
            .OrderByDescending(s => s.StartsAt).Take(AttendanceSessions).OrderBy(s => s.StartsAt)
            .Select(s => new PastAttendance(s.StartsAt, s.Attendance.Count(a => a.Present), Math.Max(members, s.Attendance.Count)))
            .ToList();
        return new BriefingModel(
            session.Community.Name, zone, SessionRef.Of(session), agreements,
            [.. help.Select(h => new HelpRequest(PersonRef.NameOf(h.Person), agreements.Single(a => a.Id == h.AgreementId).Text, h.Comment))],
            past);
    }
}
