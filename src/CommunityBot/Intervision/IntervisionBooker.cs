using System.Net;
using System.Security.Cryptography;
using System.Text;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Intervision;

public enum ConfirmOutcome
{
    Booked,

    /// <summary>Confirmed, but the meeting could not be created yet; the sweep tries again.</summary>
    Pending,

    /// <summary>Confirmed, and the sweep holds the claim and is creating the meeting now.</summary>
    BookingUnderWay,
    UnknownProposal,
    NotAllowed,
    NotAwaiting,
    UnknownSlot,

    /// <summary>The slot has passed or starts within <see cref="IntervisionBooker.LastBookingBefore"/>: nothing is booked.</summary>
    SlotPassed,
}

public enum BookOutcome
{
    Booked,

    /// <summary>Another request or the sweep holds the claim (or finished first).</summary>
    HeldElsewhere,

    /// <summary>The calendar failed; the sweep tries again later.</summary>
    Failed,
}

public sealed record ConfirmResult(ConfirmOutcome Outcome, ProposalView? Proposal = null);

/// <summary>
/// Confirming and booking, exactly once: the proposal row is claimed (Chosen → Booking, one conditional UPDATE)
/// before the calendar is called, with a transaction id derived from the proposal so that even a second call makes no
/// second event; event id and join link are stored after. A failure puts it back for the sweep to try again.
/// </summary>
public sealed class IntervisionBooker(
    AppDbContext db, IIntervisionCalendar calendar, IntervisionBallot ballot, Outbox outbox, TenantContactRules contact,
    IOptions<IntervisionOptions> options, TimeProvider clock, ILogger<IntervisionBooker> logger)
{
    /// <summary>A meeting starting sooner than this is not booked: nobody could plan for it any more.</summary>
    public static readonly TimeSpan LastBookingBefore = TimeSpan.FromHours(1);

    public async Task<ConfirmResult> ConfirmAsync(Person actor, long proposalId, long slotId, CancellationToken ct)
    {
        var proposal = await db.Set<IntervisionProposal>().AsNoTracking().Include(p => p.Group).Include(p => p.Slots)
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.Group.TenantId == actor.TenantId, ct);
        if (proposal is null)
        {
            return new ConfirmResult(ConfirmOutcome.UnknownProposal);
        }
        if (proposal.OrganizerId != actor.Id)
        {
            return new ConfirmResult(ConfirmOutcome.NotAllowed);
        }
        if (proposal.Slots.SingleOrDefault(s => s.Id == slotId) is not { } slot)
        {
            return new ConfirmResult(ConfirmOutcome.UnknownSlot);
        }
        if (slot.StartsAt < clock.GetUtcNow() + LastBookingBefore)
        {
            return new ConfirmResult(ConfirmOutcome.SlotPassed);
        }
        if (await db.Set<IntervisionProposal>().Where(p => p.Id == proposalId && p.State == ProposalState.AwaitingConfirmation)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.State, ProposalState.Chosen)
                    .SetProperty(p => p.ChosenSlotId, slotId)
                    .SetProperty(p => p.RetryAt, (DateTimeOffset?)null)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), ct) == 0)
        {
            return new ConfirmResult(ConfirmOutcome.NotAwaiting);
        }
        IntervisionLog.Confirmed(logger, proposalId, slotId, actor.Id);
        var outcome = await BookAsync(proposalId, ct) switch
        {
            BookOutcome.Booked => ConfirmOutcome.Booked,
            BookOutcome.HeldElsewhere => ConfirmOutcome.BookingUnderWay,
            _ => ConfirmOutcome.Pending,
        };
        return new ConfirmResult(outcome, await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct));
    }

    /// <summary>The sweep: bookings that are confirmed and due (a failed one after its pause, a claimed one whose claim lapsed).</summary>
    public async Task BookDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<IntervisionProposal>().AsNoTracking()
            .Where(p => (p.State == ProposalState.Chosen || p.State == ProposalState.Booking) && (p.RetryAt == null || p.RetryAt <= now))
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            await BookAsync(id, ct);
        }
    }

    /// <summary>Booked by this call, held by another request or the sweep, or failed (then retried later).</summary>
    public async Task<BookOutcome> BookAsync(long proposalId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var retryAt = now.AddMinutes(options.Value.BookingRetryMinutes);
        // The claim: only one request or sweep gets past this line; a claim that lapsed (its instance died) is taken over.
        if (await db.Set<IntervisionProposal>()
                .Where(p => p.Id == proposalId
                    && (p.State == ProposalState.Chosen || p.State == ProposalState.Booking)
                    && (p.RetryAt == null || p.RetryAt <= now))
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, ProposalState.Booking).SetProperty(p => p.RetryAt, (DateTimeOffset?)retryAt), ct) == 0)
        {
            return BookOutcome.HeldElsewhere;
        }
        var view = (await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct))!;
        var slot = view.Chosen!;
        var texts = IntervisionTexts.All.For(view.GroupLanguage);
        var organizer = view.CoachTheCoach;
        BookedMeeting meeting;
        try
        {
            meeting = await calendar.CreateMeetingAsync(new MeetingRequest(
                view.OrganizerEmail ?? "",
                texts.MeetingSubject(view.GroupName),
                $"<p>{WebUtility.HtmlEncode(texts.MeetingBody(string.Join(", ", view.Participants.Select(p => p.Name))))}</p>",
                slot.StartsAt,
                slot.EndsAt,
                view.Zone.Id,
                [.. view.Participants.Where(p => p.Email is not null).Select(p => new MeetingAttendee(p.Email!, p.Name))],
                TransactionId(view)), ct);
        }
        catch (CalendarException ex)
        {
            IntervisionLog.BookingFailed(logger, proposalId, ex.Problem);
            await using var failed = await db.Database.BeginTransactionAsync(ct);
            await db.Set<IntervisionProposal>().Where(p => p.Id == proposalId && p.State == ProposalState.Booking)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, ProposalState.Chosen).SetProperty(p => p.RetryAt, (DateTimeOffset?)retryAt), ct);
            if (ex.Problem == CalendarProblem.AccessDenied)
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = $"intervision-booking-denied:{proposalId}",
                    TenantId = view.TenantId,
                    PersonId = organizer.Id,
                    Text = IntervisionTexts.All.For(organizer.Language).BookingDenied(view.GroupName),
                    NotBefore = (await contact.ForAsync(view.TenantId, ct)).NextContactMoment(now, view.Zone),
                    Purpose = "intervision-booking",
                    Priority = DeliveryPriority.Interactive,
                }, ct);
            }
            await failed.CommitAsync(ct);
            return BookOutcome.Failed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<IntervisionProposal>().Where(p => p.Id == proposalId && p.State == ProposalState.Booking)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.State, ProposalState.Booked)
                    .SetProperty(p => p.EventId, meeting.EventId)
                    .SetProperty(p => p.JoinUrl, meeting.JoinUrl)
                    .SetProperty(p => p.StartsAt, (DateTimeOffset?)slot.StartsAt)
                    .SetProperty(p => p.EndsAt, (DateTimeOffset?)slot.EndsAt)
                    .SetProperty(p => p.RetryAt, (DateTimeOffset?)null)
                    .SetProperty(p => p.Revision, p => p.Revision + 1), ct) == 0)
        {
            // Another instance took over a lapsed claim and finished first; the transaction id gave it the same event.
            return BookOutcome.HeldElsewhere;
        }
        var cadence = await db.Set<IntervisionGroup>().Where(g => g.Id == view.GroupId).Select(g => g.CadenceWeeks).SingleAsync(ct);
        await db.Set<IntervisionGroup>().Where(g => g.Id == view.GroupId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.NextProposalAt, (DateTimeOffset?)slot.StartsAt.AddDays(7 * cadence)), ct);
        var booked = (await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct))!;
        var notBefore = (await contact.ForAsync(booked.TenantId, ct)).NextContactMoment(now, booked.Zone);
        foreach (var person in booked.InTeams)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"intervision-booked:{proposalId}:p{person.Id}",
                TenantId = booked.TenantId,
                PersonId = person.Id,
                Card = BookedCard.Build(booked, person.Language, viewerId: person.Id),
                NotBefore = notBefore,
                Purpose = "intervision-booked",
                Priority = DeliveryPriority.Interactive,
            }, ct);
        }
        await ballot.RedrawVoteCardsAsync(booked, ct);
        await transaction.CommitAsync(ct);
        IntervisionLog.Booked(logger, proposalId);
        return BookOutcome.Booked;
    }

    /// <summary>Graph's idempotency key: the same for every attempt at this proposal, different across tenants and proposals.</summary>
    public static string TransactionId(ProposalView view)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"communitybot-intervision:{view.TenantId}:{view.Id}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
