using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>Done / carry over / drop on the close-the-loop card or the open list; answers with that card redrawn.</summary>
internal sealed class CloseAgreementAction(AgreementEditor editor, AgreementQueries queries, CloseLoopCards cards, TurnState state) : CardActionHandler<CloseData>
{
    public override string Verb => CloseLoopVerbs.Close;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CloseData data, CancellationToken ct)
    {
        var texts = CloseLoopTexts.All.For(state.Language);
        var actor = state.RequirePerson();
        var reason = context.Input(CloseLoopCard.ReasonInputId(data.AgreementId));
        if (data.Choice == CloseChoices.Drop && TextLimits.RefuseOnCard(reason, TextLimits.Comment, t => t.Reason, state.Language) is { } tooLong)
        {
            return tooLong;
        }
        var result = data.Choice switch
        {
            CloseChoices.Done => await editor.CloseAsDoneAsync(actor, data.AgreementId, ct),
            CloseChoices.CarryOver => await editor.CarryOverAsync(actor, data.AgreementId, ct),
            CloseChoices.Drop => await editor.DropAsync(actor, data.AgreementId, reason, ct),
            _ => null,
        };
        if (result is null)
        {
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction);
        }
        if (CloseLoopRefusals.For(result.Outcome, state.Language) is { } refusal)
        {
            return refusal;
        }
        var text = (await queries.ViewAsync(data.AgreementId, ct))!.Text;
        var notice = result.Outcome == EditOutcome.Unchanged ? texts.Unchanged : data.Choice switch
        {
            CloseChoices.Done => texts.ClosedDone(text),
            CloseChoices.Drop => texts.Dropped(text),
            _ => result.WaitsForSession ? texts.CarriedOverWaits(text) : texts.CarriedOver(text),
        };
        return CardActionResult.UpdateCard(await cards.BackAsync(result.CommunityId, data.SessionId, state.Language, notice, ct));
    }
}
