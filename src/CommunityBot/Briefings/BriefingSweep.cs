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
        // Filtered in memory: SQLite cannot compare DateTimeOffset columns, and planned sessions are few.
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
            var model = await ModelAsync(session, zone, people.Count(p => p.Role == Communities.CommunityRole.Member), ct);
            foreach (var coach in CommunityPeople.Coaches(people))
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = $"briefing:{session.Id}:v{session.Version}:{coach.PersonId}",
                    TenantId = session.Community.TenantId,
                    PersonId = coach.PersonId,
                    Card = BriefingCard.Build(model, coach.Language),
                    Purpose = "briefing",
                }, ct);
            }
        }
    }

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
