using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

/// <summary>
/// Every minute, through indexes only: closes votes whose deadline passed, books confirmed proposals whose (first or
/// next) attempt is due, and proposes an intervision for each group whose cadence has come, on a school day outside
/// quiet hours. Each step is a conditional update or a unique key, so a repeated or parallel run does nothing twice.
/// </summary>
public sealed class IntervisionSweep(
    AppDbContext db, IntervisionBallot ballot, IntervisionBooker booker, IntervisionProposer proposer, TenantContactRules contact, Outbox outbox,
    TimeProvider clock) : IRecurringJob
{
    public const string JobId = "intervision";

    /// <summary>When the schedule could not propose (no slot, no access), it tries again this much later.</summary>
    private static readonly TimeSpan RetryProposalAfter = TimeSpan.FromDays(7);

    public async Task RunAsync(CancellationToken ct)
    {
        await ballot.CloseDueAsync(ct);
        await booker.BookDueAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Set<IntervisionGroup>().AsNoTracking().Include(g => g.CoachTheCoach)
            .Where(g => g.NextProposalAt != null && g.NextProposalAt <= now).ToListAsync(ct);
        foreach (var group in due)
        {
            if (!(await contact.ForAsync(group.TenantId, ct)).MayContactAt(now, LocalClock.Zone(group.TimeZone)))
            {
                continue;
            }
            var result = await proposer.ProposeAsync(group.Id, ct);
            if (result.Outcome == ProposeOutcome.AlreadyUnderWay)
            {
                await db.Set<IntervisionGroup>().Where(g => g.Id == group.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(g => g.NextProposalAt, (DateTimeOffset?)null), ct);
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (result.Outcome != ProposeOutcome.Proposed)
            {
                await db.Set<IntervisionGroup>().Where(g => g.Id == group.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(g => g.NextProposalAt, (DateTimeOffset?)now.Add(RetryProposalAfter)), ct);
            }
            var texts = IntervisionTexts.All.For(group.CoachTheCoach.Language);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                // One report per attempt: the proposal's id, or the day a failed attempt was made.
                DedupeKey = result.ProposalId is { } id ? $"intervision-proposed:{id}" : $"intervision-not-proposed:{group.Id}:{now.ToUnixTimeMilliseconds()}",
                TenantId = group.TenantId,
                PersonId = group.CoachTheCoachId,
                Text = IntervisionReport.Text(result, group.Name, texts, group.CoachTheCoach.Language, LocalClock.Zone(group.TimeZone), now),
                Purpose = "intervision-proposed",
                Priority = DeliveryPriority.Normal,
            }, ct);
            await transaction.CommitAsync(ct);
        }
    }
}
