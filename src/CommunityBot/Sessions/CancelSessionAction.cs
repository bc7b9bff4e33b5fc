using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>session.cancel</c>: first asks "afgelasten?"; only the question's "Ja, afgelasten" cancels the session, and the
/// channel is told. A press on a card older than the session's last change shows the session as it is now.
/// </summary>
internal sealed class CancelSessionAction(SessionPlanner planner, TurnState state, TimeProvider clock) : CardActionHandler<SessionForm>
{
    public override string Verb => SessionVerbs.Cancel;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, SessionForm form, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var outcome = form.Confirm
            ? await planner.CancelAsync(actor, form, ct)
            : await planner.AuthorizeSessionAsync(actor, form.SessionId, ct);
        if (outcome.Kind == SessionOutcomeKind.Saved && !form.Confirm && form.Version is { } version && version != outcome.Session!.Version)
        {
            outcome = outcome with { Kind = SessionOutcomeKind.ChangedMeanwhile };
        }
        return outcome.Kind switch
        {
            SessionOutcomeKind.Saved when form.Confirm =>
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Cancelled, state.Language)),
            SessionOutcomeKind.Saved =>
                CardActionResult.UpdateCard(SessionCards.ConfirmCancel(outcome.Community!, outcome.Session!, state.Language, form.From, clock.GetUtcNow())),
            _ => SessionRefusals.For(outcome, state.Language),
        };
    }
}
