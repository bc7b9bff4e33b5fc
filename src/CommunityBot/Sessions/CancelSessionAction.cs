using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary><c>session.cancel</c>: cancels a planned session; the channel is told. A press on an older version shows the newest one instead.</summary>
internal sealed class CancelSessionAction(SessionPlanner planner, TurnState state) : CardActionHandler<SessionForm>
{
    public override string Verb => SessionVerbs.Cancel;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, SessionForm form, CancellationToken ct)
    {
        var outcome = await planner.CancelAsync(state.RequirePerson(), form, ct);
        return outcome.Kind switch
        {
            SessionOutcomeKind.Saved =>
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Cancelled, state.Language)),
            SessionOutcomeKind.ChangedMeanwhile =>
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Moved, state.Language,
                    SessionTexts.All.For(state.Language).ChangedMeanwhile)),
            _ => SessionRefusals.For(outcome, state.Language),
        };
    }
}
