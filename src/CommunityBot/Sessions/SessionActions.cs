using CommunityBot.Bot;
using CommunityBot.Communities;
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
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Planned, state.Language)),
            SessionOutcomeKind.Saved or SessionOutcomeKind.Invalid =>
                CardActionResult.UpdateCard(SessionCards.Form(outcome.Community!, null, form.Save ? form : null, outcome.Errors ?? [], state.Language, SessionTime.Today(clock, outcome.Community!.TimeZone))),
            _ => SessionRefusals.For(outcome, state.Language),
        };
    }
}

/// <summary><c>session.move</c>: opens the form prefilled with the session, or (from the form) moves it and bumps its version.</summary>
internal sealed class MoveSessionAction(SessionPlanner planner, TurnState state, TimeProvider clock) : CardActionHandler<SessionForm>
{
    public override string Verb => SessionVerbs.Move;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, SessionForm form, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var outcome = form.Save
            ? await planner.MoveAsync(actor, form, state.Language, ct)
            : await planner.AuthorizeSessionAsync(actor, form.SessionId, ct);
        var texts = SessionTexts.All.For(state.Language);
        return outcome.Kind switch
        {
            SessionOutcomeKind.Saved when form.Save =>
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Moved, state.Language)),
            SessionOutcomeKind.Saved or SessionOutcomeKind.Invalid =>
                CardActionResult.UpdateCard(SessionCards.Form(outcome.Community!, outcome.Session, form.Save ? form : null, outcome.Errors ?? [], state.Language, SessionTime.Today(clock, outcome.Community!.TimeZone))),
            SessionOutcomeKind.ChangedMeanwhile =>
                CardActionResult.UpdateCard(SessionCards.Form(outcome.Community!, outcome.Session, null, [texts.ChangedMeanwhile], state.Language, SessionTime.Today(clock, outcome.Community!.TimeZone))),
            _ => SessionRefusals.For(outcome, state.Language),
        };
    }
}

/// <summary><c>session.cancel</c>: cancels a planned session; the channel is told.</summary>
internal sealed class CancelSessionAction(SessionPlanner planner, TurnState state) : CardActionHandler<SessionForm>
{
    public override string Verb => SessionVerbs.Cancel;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, SessionForm form, CancellationToken ct)
    {
        var outcome = await planner.CancelAsync(state.RequirePerson(), form, ct);
        return outcome.Kind == SessionOutcomeKind.Saved
            ? CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Cancelled, state.Language))
            : SessionRefusals.For(outcome, state.Language);
    }
}

internal static class SessionRefusals
{
    public static CardActionResult For(SessionOutcome outcome, Language language)
    {
        var texts = SessionTexts.All.For(language);
        return CardActionResult.Refuse(outcome.Kind switch
        {
            SessionOutcomeKind.NotAllowed => texts.NotCoachOfThis,
            SessionOutcomeKind.UnknownCommunity => texts.UnknownCommunity,
            SessionOutcomeKind.NotPlanned => texts.SessionNotPlanned,
            _ => texts.UnknownSession,
        });
    }
}
