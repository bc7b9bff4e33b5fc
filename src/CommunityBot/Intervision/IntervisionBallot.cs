using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

public enum VoteOutcome
{
    Voted,
    UnknownProposal,
    NotParticipant,
    Closed,
    UnknownSlot,
}

public sealed record VoteResult(VoteOutcome Outcome, ProposalView? Proposal = null);

/// <summary>
/// The vote: each participant ticks the slots that suit them (a new vote replaces their earlier ticks); every
/// participant's card is redrawn in the same transaction. The vote closes when everyone voted or the deadline passed
/// (the sweep): the best slot is chosen and the coach-the-coach gets the confirm card.
/// </summary>
public sealed class IntervisionBallot(AppDbContext db, Outbox outbox, TenantContactRules contact, TimeProvider clock, ILogger<IntervisionBallot> logger)
{
    /// <param name="ticks">Ticked or not, per slot id, as the card said: untrusted.</param>
    public async Task<VoteResult> VoteAsync(Person actor, long proposalId, IReadOnlyDictionary<long, bool> ticks, CancellationToken ct)
    {
        var proposal = await db.Set<IntervisionProposal>().AsNoTracking().Include(p => p.Group).Include(p => p.Slots).Include(p => p.Participants)
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.Group.TenantId == actor.TenantId, ct);
        var refusal = proposal is null ? VoteOutcome.UnknownProposal
            : proposal.Participants.All(p => p.PersonId != actor.Id) ? VoteOutcome.NotParticipant
            : proposal.State != ProposalState.Voting || proposal.VoteClosesAt <= clock.GetUtcNow() ? VoteOutcome.Closed
            : !ticks.Keys.All(id => proposal.Slots.Any(s => s.Id == id)) ? VoteOutcome.UnknownSlot
            : (VoteOutcome?)null;
        if (refusal is { } refused)
        {
            IntervisionLog.VoteRefused(logger, actor.Id, proposalId, refused.ToString());
            return new VoteResult(refused);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // First, so that votes on one proposal queue behind each other and a vote after closing changes nothing.
        if (await db.Set<IntervisionProposal>().Where(p => p.Id == proposalId && p.State == ProposalState.Voting)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Revision, p => p.Revision + 1), ct) == 0)
        {
            return new VoteResult(VoteOutcome.Closed);
        }
        await db.Set<IntervisionVote>().Where(v => v.ProposalId == proposalId && v.PersonId == actor.Id).ExecuteDeleteAsync(ct);
        var ticked = ticks.Where(t => t.Value).Select(t => t.Key).ToList();
        db.Set<IntervisionVote>().AddRange(ticked.Select(slotId => new IntervisionVote { ProposalId = proposalId, PersonId = actor.Id, SlotId = slotId }));
        await db.SaveChangesAsync(ct);
        await db.Set<IntervisionParticipant>().Where(p => p.ProposalId == proposalId && p.PersonId == actor.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.VotedAt, (DateTimeOffset?)now), ct);
        var view = (await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct))!;
        if (view.AllVoted)
        {
            view = await CloseAsync(view, ct) ?? view;
        }
        await RedrawVoteCardsAsync(view, ct);
        await transaction.CommitAsync(ct);
        IntervisionLog.Voted(logger, actor.Id, proposalId, ticked.Count);
        return new VoteResult(VoteOutcome.Voted, view);
    }

    /// <summary>The sweep: closes every vote whose deadline has passed, each in its own transaction.</summary>
    public async Task CloseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<IntervisionProposal>().AsNoTracking()
            .Where(p => p.State == ProposalState.Voting && p.VoteClosesAt <= now).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await ProposalView.LoadAsync(db, id, clock.GetUtcNow(), ct) is { } view && await CloseAsync(view, ct) is { } closed)
            {
                await RedrawVoteCardsAsync(closed, ct);
            }
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Every participant's sent vote card shows the latest tally (or the outcome), in place.</summary>
    public async Task RedrawVoteCardsAsync(ProposalView view, CancellationToken ct)
    {
        var notBefore = (await contact.ForAsync(view.TenantId, ct)).NextContactMoment(clock.GetUtcNow(), view.Zone);
        foreach (var person in view.InTeams)
        {
            var key = IntervisionProposer.VoteCardKey(view.Id, person.Id);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{key}:r{view.Revision}",
                TenantId = view.TenantId,
                PersonId = person.Id,
                Card = VoteCard.Build(view, person.Id, person.Language),
                ReplacesDedupeKey = key,
                NotBefore = notBefore,
                Purpose = "intervision-vote-update",
                Priority = DeliveryPriority.Interactive,
            }, ct);
        }
    }

    /// <summary>Voting → awaiting confirmation with the best slot chosen, once (a conditional update); null when another closed it.</summary>
    private async Task<ProposalView?> CloseAsync(ProposalView view, CancellationToken ct)
    {
        var best = view.Best;
        if (await db.Set<IntervisionProposal>().Where(p => p.Id == view.Id && p.State == ProposalState.Voting)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.State, ProposalState.AwaitingConfirmation)
                    .SetProperty(p => p.ChosenSlotId, best.Id)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), ct) == 0)
        {
            return null;
        }
        var closed = (await ProposalView.LoadAsync(db, view.Id, clock.GetUtcNow(), ct))!;
        var coachTheCoach = closed.CoachTheCoach;
        await outbox.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = ConfirmCardKey(view.Id),
            TenantId = closed.TenantId,
            PersonId = coachTheCoach.Id,
            Card = ConfirmCard.Build(closed, coachTheCoach.Language),
            NotBefore = (await contact.ForAsync(closed.TenantId, ct)).NextContactMoment(clock.GetUtcNow(), closed.Zone),
            Purpose = "intervision-confirm",
            Priority = DeliveryPriority.Interactive,
        }, ct);
        IntervisionLog.VoteClosed(logger, view.Id, best.Id);
        return closed;
    }

    public static string ConfirmCardKey(long proposalId) => $"intervision-confirm:{proposalId}";
}
