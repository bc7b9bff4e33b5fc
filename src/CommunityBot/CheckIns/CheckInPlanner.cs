using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>
/// Plans a round for the school morning after each held session, in the transaction that marks it held, so a session
/// leads to one plan however often the sweep runs. A community with a rhythm of every N weeks gets none: its
/// <see cref="CheckInRhythm"/> plans its rounds.
/// </summary>
internal sealed class CheckInPlanner(AppDbContext db, SchoolCalendar calendar, IOptions<CheckInsOptions> options) : ISessionsHeldListener
{
    public async Task SessionsHeldAsync(IReadOnlyList<Session> sessions, CancellationToken ct)
    {
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var planned = await db.CheckInPlans.Where(p => p.SessionId != null && sessionIds.Contains(p.SessionId.Value)).Select(p => p.SessionId!.Value).ToListAsync(ct);
        var communityIds = sessions.Select(s => s.CommunityId).Distinct().ToList();
        var zones = await db.Communities.Where(c => communityIds.Contains(c.Id) && c.CheckInEveryWeeks == null)
            .ToDictionaryAsync(c => c.Id, c => c.TimeZone, ct);
        foreach (var session in sessions.Where(s => !planned.Contains(s.Id) && zones.ContainsKey(s.CommunityId)))
        {
            db.CheckInPlans.Add(new CheckInPlan
            {
                CommunityId = session.CommunityId,
                SessionId = session.Id,
                OpensAt = MorningAfter(session, LocalClock.Zone(zones[session.CommunityId])),
                State = CheckInPlanState.Planned,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first school day after the session's day (never a weekend or holiday) at the opening time.</summary>
    private DateTimeOffset MorningAfter(Session session, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(session.StartsAt, zone)).AddDays(1);
        while (!calendar.IsSchoolDay(day))
        {
            day = day.AddDays(1);
        }
        return LocalClock.ToInstant(day, options.Value.LocalTime, zone);
    }
}
