using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

public enum ChangeOutcome
{
    Moved,
    Cancelled,
    UnknownProposal,
    NotAllowed,
    NotBooked,
    InvalidTime,
    AccessDenied,
    CalendarUnavailable,
}

public sealed record ChangeResult(ChangeOutcome Outcome, ProposalView? Proposal = null);

/// <summary>
/// Moving or cancelling a booked intervision from the bot (its coach-the-coach only): the Graph event first, then the
/// row (one conditional update), and everyone is told in the same transaction.
/// </summary>
public sealed class IntervisionChanges(
    AppDbContext db, IIntervisionCalendar calendar, IntervisionBallot ballot, Outbox outbox, TenantContactRules contact, TimeProvider clock, ILogger<IntervisionChanges> logger)
{
    public async Task<ChangeResult> MoveAsync(Person actor, long proposalId, DateOnly day, TimeOnly time, CancellationToken ct)
    {
        if (await BookedAsync(actor, proposalId, ct) is not { } found)
        {
            return await RefusalAsync(actor, proposalId, ct);
        }
        var (proposal, view) = found;
        // Within a year from today: a forged date at the ends of the calendar cannot even be turned into an instant.
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(clock.GetUtcNow(), view.Zone));
        if (day < today || day > today.AddYears(1))
        {
            return new ChangeResult(ChangeOutcome.InvalidTime, view);
        }
        var start = LocalClock.ToInstant(day, time, view.Zone);
        var end = start + proposal.Group.Duration;
        if (start <= clock.GetUtcNow())
        {
            return new ChangeResult(ChangeOutcome.InvalidTime, view);
        }
        if (await CallAsync(() => calendar.MoveMeetingAsync(view.OrganizerEmail ?? "", proposal.EventId!, start, end, view.Zone.Id, ct)) is { } failed)
        {
            return new ChangeResult(failed, view);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A cancel that won the race has the last word: nobody is told about a move of a meeting that is gone.
        if (await db.Set<IntervisionProposal>().Where(p => p.Id == proposalId && p.State == ProposalState.Booked)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.StartsAt, (DateTimeOffset?)start)
                    .SetProperty(p => p.EndsAt, (DateTimeOffset?)end)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), ct) == 0)
        {
            return new ChangeResult(ChangeOutcome.NotBooked, await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct));
        }
        await db.Set<IntervisionGroup>().Where(g => g.Id == view.GroupId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.NextProposalAt, (DateTimeOffset?)start.AddDays(7 * proposal.Group.CadenceWeeks)), ct);
        var moved = (await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct))!;
        foreach (var person in moved.InTeams)
        {
            var texts = IntervisionTexts.All.For(person.Language);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"intervision-moved:{proposalId}:r{moved.Revision}:p{person.Id}",
                TenantId = moved.TenantId,
                PersonId = person.Id,
                Card = BookedCard.Build(moved, person.Language, texts.MovedNote(VoteCard.When(start, end, moved.Zone, person.Language, moved.ReadAt)), person.Id),
                NotBefore = (await contact.ForAsync(moved.TenantId, ct)).NextContactMoment(clock.GetUtcNow(), moved.Zone),
                Purpose = "intervision-moved",
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
        await ballot.RedrawVoteCardsAsync(moved, ct);
        await transaction.CommitAsync(ct);
        IntervisionLog.Moved(logger, proposalId, actor.Id);
        return new ChangeResult(ChangeOutcome.Moved, moved);
    }

    public async Task<ChangeResult> CancelAsync(Person actor, long proposalId, CancellationToken ct)
    {
        if (await BookedAsync(actor, proposalId, ct) is not { } found)
        {
            return await RefusalAsync(actor, proposalId, ct);
        }
        var (proposal, view) = found;
        var organizerTexts = IntervisionTexts.All.For(view.GroupLanguage);
        if (await CallAsync(() => calendar.CancelMeetingAsync(view.OrganizerEmail ?? "", proposal.EventId!, organizerTexts.CancelComment, ct)) is { } failed)
        {
            return new ChangeResult(failed, view);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<IntervisionProposal>().Where(p => p.Id == proposalId && p.State == ProposalState.Booked)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, ProposalState.Cancelled).SetProperty(p => p.Revision, p => p.Revision + 1), ct) == 1)
        {
            // The next proposal comes a cadence from now, not from the meeting that no longer happens.
            await db.Set<IntervisionGroup>().Where(g => g.Id == view.GroupId)
                .ExecuteUpdateAsync(set => set.SetProperty(g => g.NextProposalAt, (DateTimeOffset?)clock.GetUtcNow().AddDays(7 * proposal.Group.CadenceWeeks)), ct);
            foreach (var person in view.InTeams)
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = $"intervision-cancelled:{proposalId}:p{person.Id}",
                    TenantId = view.TenantId,
                    PersonId = person.Id,
                    Text = IntervisionTexts.All.For(person.Language).CancelledMessage(view.GroupName,
                        VoteCard.When(view.StartsAt!.Value, view.EndsAt!.Value, view.Zone, person.Language, view.ReadAt), view.CoachTheCoach.Name),
                    NotBefore = (await contact.ForAsync(view.TenantId, ct)).NextContactMoment(clock.GetUtcNow(), view.Zone),
                    Purpose = "intervision-cancelled",
                    Priority = DeliveryPriority.Normal,
                }, ct);
            }
            await ballot.RedrawVoteCardsAsync((await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct))!, ct);
        }
        await transaction.CommitAsync(ct);
        IntervisionLog.Cancelled(logger, proposalId, actor.Id);
        return new ChangeResult(ChangeOutcome.Cancelled, await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct));
    }

    private async Task<(IntervisionProposal Proposal, ProposalView View)?> BookedAsync(Person actor, long proposalId, CancellationToken ct)
    {
        var proposal = await db.Set<IntervisionProposal>().AsNoTracking().Include(p => p.Group)
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.Group.TenantId == actor.TenantId, ct);
        return proposal is { State: ProposalState.Booked, EventId: not null } && proposal.OrganizerId == actor.Id
            ? (proposal, (await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct))!)
            : null;
    }

    private async Task<ChangeResult> RefusalAsync(Person actor, long proposalId, CancellationToken ct)
    {
        var proposal = await db.Set<IntervisionProposal>().AsNoTracking().Include(p => p.Group)
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.Group.TenantId == actor.TenantId, ct);
        return new ChangeResult(proposal is null ? ChangeOutcome.UnknownProposal
            : proposal.OrganizerId != actor.Id ? ChangeOutcome.NotAllowed
            : ChangeOutcome.NotBooked);
    }

    private static async Task<ChangeOutcome?> CallAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (CalendarException ex)
        {
            return ex.Problem == CalendarProblem.AccessDenied ? ChangeOutcome.AccessDenied : ChangeOutcome.CalendarUnavailable;
        }
    }
}
