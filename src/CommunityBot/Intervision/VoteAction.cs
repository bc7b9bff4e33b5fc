using System.Globalization;
using System.Text.Json;
using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

/// <summary><c>intervision.vote</c>: a participant's ticks; the card comes back with the new tally (and everyone's copy follows).</summary>
internal sealed class VoteAction(IntervisionBallot ballot, TurnState state) : CardActionHandler<VoteData>
{
    public override string Verb => IntervisionVerbs.Vote;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, VoteData data, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(state.Language);
        if (Ticks(context) is not { } ticks)
        {
            return CardActionResult.Refuse(texts.UnknownSlot);
        }
        var actor = state.RequirePerson();
        var result = await ballot.VoteAsync(actor, data.ProposalId, ticks, ct);
        return result.Outcome switch
        {
            VoteOutcome.Voted => CardActionResult.UpdateCard(VoteCard.Build(result.Proposal!, actor.Id, state.Language)),
            VoteOutcome.Closed => CardActionResult.Refuse(texts.VoteClosed),
            VoteOutcome.UnknownSlot => CardActionResult.Refuse(texts.UnknownSlot),
            // Not a participant answers as "not there": answers tell nobody which proposals exist.
            _ => CardActionResult.Refuse(texts.UnknownProposal),
        };
    }

    /// <summary>The toggles by slot id; null when one cannot be read (a forged card), so nothing is stored.</summary>
    private static Dictionary<long, bool>? Ticks(CardActionContext context)
    {
        Dictionary<long, bool> ticks = [];
        foreach (var property in context.Data.EnumerateObject().Where(p => p.Name.StartsWith(VoteCard.InputPrefix, StringComparison.Ordinal)))
        {
            if (!long.TryParse(property.Name[VoteCard.InputPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var slotId)
                || property.Value.ValueKind != JsonValueKind.String
                || property.Value.GetString() is not (VoteCard.On or VoteCard.Off))
            {
                return null;
            }
            ticks[slotId] = property.Value.GetString() == VoteCard.On;
        }
        return ticks;
    }
}

/// <summary>Teams asks for the current card when a participant opens it: their own ticks and the latest tally.</summary>
internal sealed class RefreshVoteAction(AppDbContext db, TurnState state, TimeProvider clock) : CardActionHandler<VoteData>
{
    public override string Verb => IntervisionVerbs.Refresh;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, VoteData data, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(state.Language);
        var actor = state.RequirePerson();
        var view = await ProposalView.LoadAsync(db, data.ProposalId, clock.GetUtcNow(), ct);
        if (view is null || view.TenantId != actor.TenantId)
        {
            return CardActionResult.Refuse(texts.UnknownProposal);
        }
        // Someone who takes no part hears what a proposal that does not exist gets: answers tell nobody which ids exist.
        return view.Participants.Any(p => p.Id == actor.Id)
            ? CardActionResult.UpdateCard(VoteCard.Build(view, actor.Id, state.Language))
            : CardActionResult.Refuse(texts.UnknownProposal);
    }
}

/// <summary><c>intervision.confirm</c>: the coach-the-coach confirms the selected slot; the meeting is booked at once when the calendar allows.</summary>
internal sealed class ConfirmAction(IntervisionBooker booker, TurnState state) : CardActionHandler<ConfirmData>
{
    public override string Verb => IntervisionVerbs.Confirm;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, ConfirmData data, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(state.Language);
        if (!long.TryParse(context.Input(ConfirmCard.SlotInputId), NumberStyles.None, CultureInfo.InvariantCulture, out var slotId))
        {
            return CardActionResult.Refuse(texts.UnknownSlot);
        }
        var result = await booker.ConfirmAsync(state.RequirePerson(), data.ProposalId, slotId, ct);
        return result.Outcome switch
        {
            ConfirmOutcome.Booked => CardActionResult.UpdateCard(BookedCard.Build(result.Proposal!, state.Language,
                texts.Confirmed(VoteCard.When(result.Proposal!.StartsAt!.Value, result.Proposal.EndsAt!.Value, result.Proposal.Zone, state.Language, result.Proposal.ReadAt)), result.Proposal.CoachTheCoachId)),
            ConfirmOutcome.Pending => CardActionResult.Message(texts.BookingRetried(Formats.Time(result.RetryAt!.Value, result.Proposal!.Zone, state.Language))),
            ConfirmOutcome.BookingUnderWay => CardActionResult.Message(texts.BookingUnderWay),
            ConfirmOutcome.SlotPassed => CardActionResult.Refuse(texts.SlotPassed),
            ConfirmOutcome.NotAwaiting => CardActionResult.Refuse(texts.NotAwaitingConfirmation),
            ConfirmOutcome.UnknownSlot => CardActionResult.Refuse(texts.UnknownSlot),
            _ => CardActionResult.Refuse(texts.UnknownProposal),
        };
    }
}

/// <summary>
/// <c>intervision.move</c> and <c>intervision.cancel</c> on the coach-the-coach's copy of the booked card: the Graph event
/// follows, everyone is told. The proposal id is a hint; the actor and the state are re-checked.
/// </summary>
internal sealed class MoveAction(IntervisionChanges changes, TurnState state) : CardActionHandler<ChangeData>
{
    public override string Verb => IntervisionVerbs.Move;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, ChangeData data, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(state.Language);
        if (!DateOnly.TryParseExact(context.Input(BookedCard.DateInputId), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(context.Input(BookedCard.TimeInputId), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return CardActionResult.Refuse(texts.MoveInvalid);
        }
        var actor = state.RequirePerson();
        var result = await changes.MoveAsync(actor, data.ProposalId, day, time, ct);
        return result.Outcome == ChangeOutcome.Moved
            ? CardActionResult.UpdateCard(BookedCard.Build(result.Proposal!, state.Language,
                texts.MovedNote(VoteCard.When(result.Proposal!.StartsAt!.Value, result.Proposal.EndsAt!.Value, result.Proposal.Zone, state.Language, result.Proposal.ReadAt)), actor.Id))
            : CardActionResult.Refuse(ChangeRefusal(result.Outcome, texts));
    }

    internal static string ChangeRefusal(ChangeOutcome outcome, IntervisionTexts texts) => outcome switch
    {
        ChangeOutcome.NotBooked => texts.NotBooked,
        ChangeOutcome.InvalidTime => texts.MoveInvalid,
        ChangeOutcome.AccessDenied => texts.ChangeDenied,
        ChangeOutcome.CalendarUnavailable => texts.ChangeUnavailable,
        _ => texts.UnknownProposal,
    };
}

internal sealed class CancelAction(IntervisionChanges changes, TurnState state) : CardActionHandler<ChangeData>
{
    public override string Verb => IntervisionVerbs.Cancel;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, ChangeData data, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(state.Language);
        var result = await changes.CancelAsync(state.RequirePerson(), data.ProposalId, ct);
        return result.Outcome == ChangeOutcome.Cancelled
            ? CardActionResult.Message(texts.CancelledDone)
            : CardActionResult.Refuse(MoveAction.ChangeRefusal(result.Outcome, texts));
    }
}
