using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>
/// Every minute, through indexes only: closes rounds whose window has passed (telling the listeners), opens the
/// rounds whose plan is due (planning a rhythm's next one), and sends the due reminders. Closing comes first so a new
/// round can open the same minute.
/// </summary>
public sealed class CheckInSweep(
    AppDbContext db, CheckInCloser closer, CheckInOpener opener, CheckInRhythm rhythm, CheckInReminders reminders, TenantContactRules tenantRules, IOptions<CheckInsOptions> options, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "check-ins";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await db.CheckIns.Where(c => c.State == CheckInState.Open && c.ClosesAt <= now).ToListAsync(ct);
        foreach (var checkIn in expired)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await closer.CloseAsync(checkIn, ct);
            await transaction.CommitAsync(ct);
        }
        var plans = await db.CheckInPlans.AsNoTracking().Where(p => p.State == CheckInPlanState.Planned && p.OpensAt <= now).ToListAsync(ct);
        foreach (var plan in plans)
        {
            if (await MovedToSchoolDayAsync(plan, now, ct))
            {
                continue;
            }
            // The opener commits the round and its cards; a run that stops before this update finds that round open
            // next time. Written directly, because an opener that lost a race clears the context's tracked rows.
            await opener.OpenAsync(plan.CommunityId, ct);
            await db.CheckInPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.State, CheckInPlanState.Opened), ct);
            if (plan.SessionId is null)
            {
                await rhythm.PlanAsync(plan.CommunityId, ct);
            }
        }
        await reminders.RunAsync(now, ct);
    }

    /// <summary>
    /// A day off the tenant chose after the round was planned: the round opens on the next school morning instead, as
    /// it would have been planned with that day off.
    /// </summary>
    private async Task<bool> MovedToSchoolDayAsync(CheckInPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == plan.CommunityId).Select(c => new { c.TenantId, c.TimeZone }).SingleAsync(ct);
        var calendar = (await tenantRules.ForAsync(community.TenantId, ct)).Calendar;
        var zone = LocalClock.Zone(community.TimeZone);
        if (calendar.IsSchoolDay(DateOnly.FromDateTime(LocalClock.ToLocal(now, zone))))
        {
            return false;
        }
        var opensAt = CheckInRhythm.SchoolMorningFrom(now, zone, calendar, options.Value.LocalTime);
        await db.CheckInPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.OpensAt, opensAt), ct);
        return true;
    }
}
