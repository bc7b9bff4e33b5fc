using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>session.back</c>: "Terug" on the move form, "Nee, terug" on the cancel question. Shows the card the buttons came
/// from again (the list, the next session, or the session's own card) as it is now, and changes nothing.
/// </summary>
internal sealed class BackSessionAction(SessionPlanner planner, SessionViews views, TurnState state) : CardActionHandler<SessionForm>
{
    public override string Verb => SessionVerbs.Back;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, SessionForm form, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var texts = SessionTexts.All.For(state.Language);
        var card = form.From switch
        {
            SessionOrigins.List => await views.ListAsync(actor, context.Activity, state.Language, ct),
            SessionOrigins.Next => await views.NextAsync(actor, context.Activity, state.Language, ct),
            _ => null,
        };
        if (card is not null)
        {
            return CardActionResult.UpdateCard(card);
        }
        if (form.From is SessionOrigins.List or SessionOrigins.Next)
        {
            return CardActionResult.Refuse(texts.NotInAnyCommunity);
        }
        var outcome = await planner.AuthorizeSessionAsync(actor, form.SessionId, ct);
        return outcome.Kind == SessionOutcomeKind.Saved
            ? CardActionResult.UpdateCard(SessionCards.Current(outcome.Community!, outcome.Session!, state.Language))
            : SessionRefusals.For(outcome, state.Language);
    }
}
