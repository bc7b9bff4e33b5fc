using CommunityBot.Communities;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>
/// Keeps the one plan row of a community that checks in every N weeks: N weeks after its last round opened (or after
/// it was created), on the first school morning from then. Written when a round opens and when the setting changes,
/// so the sweep keeps reading due rows only.
/// </summary>
public sealed class CheckInRhythm(AppDbContext db, TenantContactRules tenantRules, IOptions<CheckInsOptions> options, TimeProvider clock)
    : ICheckInRhythmListener
{
    public Task CheckInRhythmChangedAsync(long communityId, CancellationToken ct) => PlanAsync(communityId, ct);

    /// <summary>Replaces the community's waiting plans by the one its rhythm asks for; none without a rhythm.</summary>
    public async Task PlanAsync(long communityId, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, ct);
        // With a rhythm, rounds planned after held sessions are dropped too: the rhythm alone decides.
        var dropSessionPlans = community.CheckInEveryWeeks is not null;
        await db.CheckInPlans
            .Where(p => p.CommunityId == communityId && p.State == CheckInPlanState.Planned && (p.SessionId == null || dropSessionPlans))
            .ExecuteDeleteAsync(ct);
        if (community.CheckInEveryWeeks is not { } weeks)
        {
            return;
        }
        var lastOpened = await db.CheckIns.Where(c => c.CommunityId == communityId).OrderByDescending(c => c.OpensAt)
            .Select(c => (DateTimeOffset?)c.OpensAt).FirstOrDefaultAsync(ct);
        // A rhythm set long after the last round is overdue: it opens the next school morning, not in the night.
        var due = (lastOpened ?? community.CreatedAt).AddDays(7 * weeks);
        var now = clock.GetUtcNow();
        var calendar = (await tenantRules.ForAsync(community.TenantId, ct)).Calendar;
        db.CheckInPlans.Add(new CheckInPlan
        {
            CommunityId = communityId,
            OpensAt = SchoolMorningFrom(due > now ? due : now, LocalClock.Zone(community.TimeZone), calendar, options.Value.LocalTime),
            State = CheckInPlanState.Planned,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first opening time on a school day (never a weekend or holiday) at or after the moment.</summary>
    public static DateTimeOffset SchoolMorningFrom(DateTimeOffset moment, TimeZoneInfo zone, SchoolCalendar calendar, TimeOnly localTime)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(moment, zone));
        while (!calendar.IsSchoolDay(day) || LocalClock.ToInstant(day, localTime, zone) < moment)
        {
            day = day.AddDays(1);
        }
        return LocalClock.ToInstant(day, localTime, zone);
    }
}
