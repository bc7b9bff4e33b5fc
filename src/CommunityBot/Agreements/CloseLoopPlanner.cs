using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Keeps one <see cref="CloseLoopPlan"/> per upcoming session at the evening after it; a moved session gets its new
/// moment, a cancelled one loses its plan. Called inside the transaction that changed the sessions.
/// </summary>
public sealed class CloseLoopPlanner(AppDbContext db, ContactRules rules, TimeProvider clock) : ISessionPlansListener
{
    /// <summary>The card comes at least this long after the session's end, so the coach is home from it.</summary>
    public static readonly TimeSpan AfterEnd = TimeSpan.FromHours(1);

    public async Task SessionsChangedAsync(long communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var timeZone = await db.Communities.Where(c => c.Id == communityId).Select(c => c.TimeZone).SingleAsync(ct);
        var zone = LocalClock.Zone(timeZone);
        var upcoming = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .ToDictionaryAsync(s => s.Id, ct);
        var upcomingIds = upcoming.Keys.ToList();
        var plans = await db.CloseLoopPlans
            .Where(p => upcomingIds.Contains(p.SessionId)
                || (p.State == CloseLoopState.Planned
                    && db.Sessions.Any(s => s.Id == p.SessionId && s.CommunityId == communityId && s.Status == SessionStatus.Cancelled)))
            .ToDictionaryAsync(p => p.SessionId, ct);
        // Only a cancelled session loses its card: one that has started keeps it for the evening after.
        foreach (var plan in plans.Values.Where(p => !upcoming.ContainsKey(p.SessionId)))
        {
            plan.State = CloseLoopState.Cancelled;
        }
        foreach (var session in upcoming.Values)
        {
            var dueAt = Moment(session, zone);
            if (!plans.TryGetValue(session.Id, out var plan))
            {
                db.CloseLoopPlans.Add(new CloseLoopPlan { SessionId = session.Id, SessionVersion = session.Version, DueAt = dueAt, State = CloseLoopState.Planned });
            }
            else if (plan.SessionVersion != session.Version)
            {
                (plan.SessionVersion, plan.DueAt, plan.State) = (session.Version, dueAt, CloseLoopState.Planned);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The session day at <see cref="ScheduleOptions.CloseLoopLocalTime"/>, or an hour after the end if that is later.</summary>
    private DateTimeOffset Moment(Session session, TimeZoneInfo zone)
    {
        var afterEnd = session.StartsAt + session.Duration + AfterEnd;
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(session.StartsAt, zone));
        var evening = LocalClock.ToInstant(day, rules.Options.CloseLoopLocalTime, zone);
        return evening > afterEnd ? evening : afterEnd;
    }
}
