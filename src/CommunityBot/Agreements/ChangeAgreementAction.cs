using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>"Change" on the close-the-loop card or the open list: the edit card, prefilled, for the community's coach.</summary>
internal sealed class ChangeAgreementAction(AgreementQueries queries, CommunityDirectory access, CloseLoopCards cards, TurnState state) : CardActionHandler<ChangeData>
{
    public override string Verb => CloseLoopVerbs.Change;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, ChangeData data, CancellationToken ct)
    {
        var agreement = await queries.ViewAsync(data.AgreementId, ct);
        var outcome = agreement is null ? EditOutcome.NotFound
            : !await access.CanManageAsync(state.RequirePerson(), agreement.CommunityId, ct) ? EditOutcome.NotAllowed
            : agreement.Status is AgreementStatus.Done or AgreementStatus.Dropped ? EditOutcome.Closed
            : EditOutcome.Unchanged;
        return CloseLoopRefusals.For(outcome, state.Language)
            ?? CardActionResult.UpdateCard((await cards.EditAsync(data.AgreementId, data.SessionId, state.Language, ct))!);
    }
}
