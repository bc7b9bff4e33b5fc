using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Every minute: hands the reminder rows whose moment has come to the outbox, read through the (State, DueAt) index.
/// The rows are planned when an agreement or a session changes (<see cref="ReminderPlanner"/>), not here, so a run
/// costs what is due. The dedupe key makes a repeated or parallel run send once.
/// </summary>
public sealed class ReminderSweep(
    AppDbContext db,
    AgreementQueries queries,
    TenantContactRules tenantRules,
    Outbox outbox,
    TimeProvider clock,
    ILogger<ReminderSweep> logger) : IRecurringJob
{
    public const string JobId = "agreement-reminders";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.ReminderPlans.Where(r => r.State == ReminderState.Planned && r.DueAt <= now).ToListAsync(ct);
        foreach (var plan in due)
        {
            var agreement = await queries.ViewAsync(plan.AgreementId, ct);
            // A last check of the truth: a plan that slipped past a change is cancelled rather than sent.
            if (agreement is not { IsActive: true, DueSession: { } session } || session.Id != plan.SessionId || session.Version != plan.SessionVersion || session.StartsAt <= now)
            {
                plan.State = ReminderState.Cancelled;
                continue;
            }
            // The owner answered, or is no plain member any more (left, or now a leader or coach), since it was planned.
            if (!agreement.IsActiveFor(plan.PersonId)
                || !await CommunityPeople.Remindable(db).AnyAsync(m => m.CommunityId == agreement.CommunityId && m.PersonId == plan.PersonId, ct))
            {
                plan.State = ReminderState.Cancelled;
                AgreementLog.ReminderNotForOwner(logger, plan.Id);
                continue;
            }
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == plan.PersonId, ct);
            var rules = await tenantRules.ForAsync(person.TenantId, ct);
            // Outside school hours the reminder waits for the next moment the bot may write (still before the session).
            if (!rules.MayContactAt(now, agreement.Zone))
            {
                continue;
            }
            // A member who paused or left gets nothing now; a later reminder, after the pause, is sent as planned.
            if (!await ActiveMembers.IncludesAsync(db, agreement.CommunityId, plan.PersonId, now, ct))
            {
                plan.State = ReminderState.Skipped;
                CommunitiesLog.ReminderSkippedForPause(logger, plan.Id);
                continue;
            }
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = plan.DedupeKey,
                TenantId = person.TenantId,
                PersonId = plan.PersonId,
                Card = ReminderCard.Build(agreement, person.Language, rules.ReminderMoment(session.StartsAt, plan.OffsetDays, agreement.Zone)?.BeforeHoliday == true,
                    plan.PersonId, await db.Regrets.AnyAsync(r => r.SessionId == session.Id && r.PersonId == plan.PersonId, ct)),
                Purpose = "reminder",
                Priority = DeliveryPriority.Normal,
            }, ct);
            plan.State = ReminderState.Sent;
            plan.SentAt = now;
            AgreementLog.ReminderSent(logger, plan.Id);
        }
        await db.SaveChangesAsync(ct);
    }
}
