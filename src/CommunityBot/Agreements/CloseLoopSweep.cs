using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Every minute: the close-the-loop rows whose evening has come (read through the (State, DueAt) index) send the
/// session's card to its coaches, once per session; in quiet hours, weekends and holidays it waits for the next
/// moment the bot may write. A session with nothing left to close (none due, or all done or dropped) sends nothing.
/// </summary>
public sealed class CloseLoopSweep(AppDbContext db, CloseLoopCards cards, TenantContactRules tenantRules, Outbox outbox, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "close-the-loop";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.CloseLoopPlans.Where(p => p.State == CloseLoopState.Planned && p.DueAt <= now).ToListAsync(ct);
        if (due.Count == 0)
        {
            return;
        }
        var sessionIds = due.Select(p => p.SessionId).ToList();
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Community).Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var plan in due)
        {
            var session = sessions[plan.SessionId];
            if (session.Status == SessionStatus.Cancelled || session.Version != plan.SessionVersion)
            {
                plan.State = CloseLoopState.Cancelled;
                continue;
            }
            if (!(await tenantRules.ForAsync(session.Community.TenantId, ct)).MayContactAt(now, LocalClock.Zone(session.Community.TimeZone)))
            {
                continue;
            }
            plan.State = await AskCoachesAsync(session, ct) ? CloseLoopState.Sent : CloseLoopState.NothingToClose;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> AskCoachesAsync(Session session, CancellationToken ct)
    {
        var model = (await cards.LoopModelAsync(session.Id, ct))!;
        // All done or dropped already: the card would only ask what is answered.
        if (model.Agreements.All(a => a.Status is AgreementStatus.Done or AgreementStatus.Dropped))
        {
            return false;
        }
        var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, session.CommunityId, ct));
        foreach (var coach in coaches)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"close-loop:{session.Id}:{coach.PersonId}",
                TenantId = session.Community.TenantId,
                PersonId = coach.PersonId,
                Card = CloseLoopCard.Build(model, coach.Language),
                Purpose = "close-loop",
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
        return true;
    }
}
