using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>session.plan</c>: opens the planning form for a community, or (from the form's own button) plans the session.
/// The actor is the sender of the invoke; the community id in the data is only a hint and is re-checked.
/// </summary>
internal sealed class PlanSessionAction(SessionPlanner planner, TurnState state, TimeProvider clock) : CardActionHandler<SessionForm>
{
    public override string Verb => SessionVerbs.Plan;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, SessionForm form, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var outcome = form.Save
            ? await planner.PlanAsync(actor, form, state.Language, ct)
            : await planner.AuthorizeCommunityAsync(actor, form.CommunityId, ct);
        return outcome.Kind switch
        {
            SessionOutcomeKind.Saved when form.Save =>
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Planned, state.Language, warnings: outcome.Warnings)),
            SessionOutcomeKind.Saved or SessionOutcomeKind.Invalid =>
                CardActionResult.UpdateCard(SessionCards.Form(outcome.Community!, null, form, outcome.Errors ?? [], state.Language, SessionTime.Today(clock, outcome.Community!.TimeZone), form.From)),
            _ => SessionRefusals.For(outcome, state.Language),
        };
    }
}
