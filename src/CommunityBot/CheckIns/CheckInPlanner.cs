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
internal sealed class CheckInPlanner(AppDbContext db, TenantContactRules tenantRules, IOptions<CheckInsOptions> options) : ISessionsHeldListener
{
    public async Task SessionsHeldAsync(IReadOnlyList<Session> sessions, CancellationToken ct)
    {
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var planned = await db.CheckInPlans.Where(p => p.SessionId != null && sessionIds.Contains(p.SessionId.Value)).Select(p => p.SessionId!.Value).ToListAsync(ct);
        var communityIds = sessions.Select(s => s.CommunityId).Distinct().ToList();
        var communities = await db.Communities.Where(c => communityIds.Contains(c.Id) && c.CheckInEveryWeeks == null)
            .ToDictionaryAsync(c => c.Id, c => new { c.TimeZone, c.TenantId }, ct);
        foreach (var session in sessions.Where(s => !planned.Contains(s.Id) && communities.ContainsKey(s.CommunityId)))
        {
            var community = communities[session.CommunityId];
            var calendar = (await tenantRules.ForAsync(community.TenantId, ct)).Calendar;
            db.CheckInPlans.Add(new CheckInPlan
            {
                CommunityId = session.CommunityId,
                SessionId = session.Id,
                OpensAt = MorningAfter(session, LocalClock.Zone(community.TimeZone), calendar),
                State = CheckInPlanState.Planned,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first school day after the session's day (never a weekend or holiday) at the opening time.</summary>
    private DateTimeOffset MorningAfter(Session session, TimeZoneInfo zone, SchoolCalendar calendar)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(session.StartsAt, zone)).AddDays(1);
        while (!calendar.IsSchoolDay(day))
        {
            day = day.AddDays(1);
        }
        return LocalClock.ToInstant(day, options.Value.LocalTime, zone);
    }
}
