using CommunityBot.Communities.Cadence;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Nudges;

/// <summary>
/// Whenever a community's sessions or cadence norm change: moves its <see cref="CadenceDeadline"/> (<see cref="CadenceRule"/>), and keeps one
/// <see cref="RecordNudgePlan"/> per upcoming session at the evening after it.
/// </summary>
public sealed class NudgePlanner(AppDbContext db, ContactRules rules, TenantContactRules tenantRules, TimeProvider clock) : ISessionPlansListener, ICadenceListener
{
    /// <summary>After this long, asking to record a session's agreements is no longer useful.</summary>
    public static readonly TimeSpan RecordNudgeWindow = TimeSpan.FromDays(4);

    public async Task SessionsChangedAsync(long communityId, CancellationToken ct)
    {
        var community = await NormAsync(communityId, ct);
        var zone = LocalClock.Zone(community.TimeZone);
        await PlanRecordNudgesAsync(communityId, zone, ct);
        await MoveCadenceDeadlineAsync(communityId, community, zone, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task CadenceChangedAsync(long communityId, CancellationToken ct)
    {
        var community = await NormAsync(communityId, ct);
        await MoveCadenceDeadlineAsync(communityId, community, LocalClock.Zone(community.TimeZone), ct);
        await db.SaveChangesAsync(ct);
    }

    private sealed record CommunityNorm(string TenantId, string TimeZone, CadenceKind CadenceKind, int CadenceCount);

    private Task<CommunityNorm> NormAsync(long communityId, CancellationToken ct) =>
        db.Communities.Where(c => c.Id == communityId).Select(c => new CommunityNorm(c.TenantId, c.TimeZone, c.CadenceKind, c.CadenceCount)).SingleAsync(ct);

    private async Task PlanRecordNudgesAsync(long communityId, TimeZoneInfo zone, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var upcoming = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .ToDictionaryAsync(s => s.Id, ct);
        var upcomingIds = upcoming.Keys.ToList();
        var plans = await db.RecordNudgePlans
            .Where(p => upcomingIds.Contains(p.SessionId)
                || (p.State == RecordNudgeState.Planned
                    && db.Sessions.Any(s => s.Id == p.SessionId && s.CommunityId == communityId && s.Status == SessionStatus.Cancelled)))
            .ToDictionaryAsync(p => p.SessionId, ct);

        // Only a cancelled session loses its nudge: one that has started keeps it for the evening after.
        foreach (var plan in plans.Values.Where(p => !upcoming.ContainsKey(p.SessionId)))
        {
            plan.State = RecordNudgeState.Cancelled;
        }
        foreach (var session in upcoming.Values)
        {
            var dueAt = RecordMoment(session, zone);
            var until = session.StartsAt + RecordNudgeWindow;
            if (!plans.TryGetValue(session.Id, out var plan))
            {
                db.RecordNudgePlans.Add(new RecordNudgePlan { SessionId = session.Id, SessionVersion = session.Version, DueAt = dueAt, Until = until, State = RecordNudgeState.Planned });
            }
            else if (plan.SessionVersion != session.Version)
            {
                (plan.SessionVersion, plan.DueAt, plan.Until, plan.State) = (session.Version, dueAt, until, RecordNudgeState.Planned);
            }
        }
    }

    /// <summary>The evening of the session day (by default 19:00 local), or the session's end if that is later.</summary>
    private DateTimeOffset RecordMoment(Session session, TimeZoneInfo zone)
    {
        var ends = session.StartsAt + session.Duration;
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(session.StartsAt, zone));
        var evening = LocalClock.ToInstant(day, rules.Options.NudgeLocalTime, zone);
        return evening > ends ? evening : ends;
    }

    private async Task MoveCadenceDeadlineAsync(long communityId, CommunityNorm norm, TimeZoneInfo zone, CancellationToken ct)
    {
        var kept = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status != SessionStatus.Cancelled)
            .Select(s => s.StartsAt).ToListAsync(ct);
        var deadline = await db.CadenceDeadlines.SingleOrDefaultAsync(d => d.CommunityId == communityId, ct);
        if (kept.Count == 0)
        {
            if (deadline is not null)
            {
                db.Remove(deadline);
            }
            return;
        }
        var calendar = (await tenantRules.ForAsync(norm.TenantId, ct)).Calendar;
        var nudgeFrom = CadenceRule.Due(norm.CadenceKind, norm.CadenceCount, kept, zone, calendar, rules.Options.CadenceWarningDays).NudgeFrom;
        if (deadline is not null)
        {
            deadline.NudgeFrom = nudgeFrom;
        }
        else if (!await db.InsertOrIgnoreAsync(new CadenceDeadline { CommunityId = communityId, NudgeFrom = nudgeFrom }, ct))
        {
            // Two sessions of the community planned at once: the other created the row; set it as an update would.
            await db.CadenceDeadlines.Where(d => d.CommunityId == communityId)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.NudgeFrom, nudgeFrom), ct);
        }
    }
}
