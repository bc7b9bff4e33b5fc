using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Every minute: brings reminder rows up to date (moved sessions, closed agreements) and hands due reminders to the
/// outbox. The dedupe key makes a repeated or parallel run send once.
/// </summary>
public sealed class ReminderSweep(
    AppDbContext db,
    ReminderPlanner planner,
    AgreementQueries queries,
    ContactRules rules,
    Outbox outbox,
    TimeProvider clock,
    ILogger<ReminderSweep> logger) : IRecurringJob
{
    public const string JobId = "agreement-reminders";

    public async Task RunAsync(CancellationToken ct)
    {
        await planner.CancelClosedAsync(ct);
        await planner.PlanAsync(null, ct);
        await SendDueAsync(ct);
    }

    private async Task SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.ReminderPlans.Where(r => r.State == ReminderState.Planned && r.DueAt <= now).ToListAsync(ct);
        foreach (var plan in due)
        {
            var agreement = await queries.ViewAsync(plan.AgreementId, ct);
            if (agreement is not { IsActive: true, DueSession: { } session } || session.Id != plan.SessionId || session.Version != plan.SessionVersion || session.StartsAt <= now)
            {
                plan.State = ReminderState.Cancelled;
                continue;
            }
            // Outside school hours the reminder waits for the next moment the bot may write (still before the session).
            if (!rules.MayContactAt(now, agreement.Zone))
            {
                continue;
            }
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == plan.PersonId, ct);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = plan.DedupeKey,
                TenantId = person.TenantId,
                PersonId = plan.PersonId,
                Card = ReminderCard.Build(agreement, person.Language),
                Purpose = "reminder",
            }, ct);
            plan.State = ReminderState.Sent;
            plan.SentAt = now;
            AgreementLog.ReminderSent(logger, plan.Id);
        }
        await db.SaveChangesAsync(ct);
    }
}
