using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Cadence;

/// <summary>
/// <c>community.cadence</c>: opens the cadence card (from the sheet's button), or saves it. The actor is the sender of the
/// invoke; the community id in the data is only a hint and is re-checked.
/// </summary>
internal sealed class ChangeCadenceAction(CadenceEditor editor, TurnState state) : CardActionHandler<CadenceForm>
{
    public override string Verb => CadenceVerbs.Change;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CadenceForm form, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var outcome = form.Save
            ? await editor.SaveAsync(actor, form, state.Language, ct)
            : await editor.AuthorizeAsync(actor, form.CommunityId, ct);
        var texts = CadenceTexts.All.For(state.Language);
        return outcome.Kind switch
        {
            CadenceOutcomeKind.Saved => CardActionResult.UpdateCard(CadenceCard.Build(outcome.Community!, state.Language, saved: true)),
            CadenceOutcomeKind.Allowed => CardActionResult.UpdateCard(CadenceCard.Build(outcome.Community!, state.Language)),
            CadenceOutcomeKind.Invalid => CardActionResult.UpdateCard(CadenceCard.Build(outcome.Community!, state.Language, form, outcome.Errors)),
            // A community the actor does not run answers as one that does not exist: answers tell nobody which ids exist.
            _ => CardActionResult.Refuse(texts.UnknownCommunity),
        };
    }
}
