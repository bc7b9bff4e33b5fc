using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Briefings;

/// <summary>
/// Keeps one briefing row per upcoming session at its moment (by default the school day before, 16:00 local). A moved
/// session is planned again for its new version, so the coaches get a new briefing; a cancelled one is cancelled.
/// </summary>
public sealed class BriefingPlanner(AppDbContext db, TenantContactRules tenantRules, TimeProvider clock) : ISessionPlansListener
{
    public async Task SessionsChangedAsync(long communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var community = await db.Communities.Where(c => c.Id == communityId).Select(c => new { c.TimeZone, c.TenantId }).SingleAsync(ct);
        var zone = LocalClock.Zone(community.TimeZone);
        var rules = await tenantRules.ForAsync(community.TenantId, ct);
        var upcoming = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .ToDictionaryAsync(s => s.Id, ct);
        var upcomingIds = upcoming.Keys.ToList();
        var plans = await db.BriefingPlans
            .Where(p => upcomingIds.Contains(p.SessionId)
                || (p.State == BriefingState.Planned && db.Sessions.Any(s => s.Id == p.SessionId && s.CommunityId == communityId)))
            .ToDictionaryAsync(p => p.SessionId, ct);

        foreach (var plan in plans.Values.Where(p => p.State == BriefingState.Planned && !upcoming.ContainsKey(p.SessionId)))
        {
            plan.State = BriefingState.Cancelled;
        }
        foreach (var session in upcoming.Values)
        {
            var plan = plans.GetValueOrDefault(session.Id);
            if (plan?.SessionVersion == session.Version)
            {
                continue;
            }
            var moment = rules.BriefingMoment(session.StartsAt, zone);
            // A session inside a holiday gets no briefing: it could only come weeks early.
            if (moment is null)
            {
                if (plan?.State == BriefingState.Planned)
                {
                    plan.State = BriefingState.Cancelled;
                }
                continue;
            }
            if (plan is null)
            {
                db.Add(new BriefingPlan { SessionId = session.Id, SessionVersion = session.Version, DueAt = moment.At, State = BriefingState.Planned });
            }
            else
            {
                (plan.SessionVersion, plan.DueAt, plan.State) = (session.Version, moment.At, BriefingState.Planned);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
