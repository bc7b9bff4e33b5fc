using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>session.move</c>: opens the form prefilled with the session as it is now (saying so when the pressed card was
/// older), or (from the form) moves it and bumps its version.
/// </summary>
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
        var stale = !form.Save && form.Version is { } version && outcome.Session is { } current && version != current.Version;
        return outcome.Kind switch
        {
            SessionOutcomeKind.Saved when form.Save =>
                CardActionResult.UpdateCard(SessionCards.Confirmation(outcome.Community!, outcome.Session!, SessionChange.Moved, state.Language, warnings: outcome.Warnings)),
            SessionOutcomeKind.Saved or SessionOutcomeKind.Invalid =>
                CardActionResult.UpdateCard(SessionCards.Form(outcome.Community!, outcome.Session, form.Save ? form : null,
                    outcome.Errors ?? (stale ? [texts.ChangedMeanwhile] : []), state.Language, SessionTime.Today(clock, outcome.Community!.TimeZone), form.From)),
            SessionOutcomeKind.ChangedMeanwhile =>
                CardActionResult.UpdateCard(SessionCards.Form(outcome.Community!, outcome.Session, null, [texts.ChangedMeanwhile], state.Language,
                    SessionTime.Today(clock, outcome.Community!.TimeZone), form.From)),
            _ => SessionRefusals.For(outcome, state.Language),
        };
    }
}
