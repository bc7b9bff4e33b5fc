using System.Globalization;
using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>"Save" on the edit card: the editor checks the coach and every id, then the card the coach came from returns.</summary>
internal sealed class EditAgreementAction(AgreementEditor editor, CloseLoopCards cards, TurnState state) : CardActionHandler<EditData>
{
    public override string Verb => CloseLoopVerbs.Edit;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, EditData data, CancellationToken ct)
    {
        var texts = CloseLoopTexts.All.For(state.Language);
        var owners = RecordAgreementAction.Ids(context.Input(RecordCard.OwnersInput), out var wholeGroup);
        var dependants = RecordAgreementAction.Ids(context.Input(RecordCard.DependantsInput), out var wholeGroupDepends);
        var text = context.Input(RecordCard.TextInputId) ?? "";
        var result = await editor.EditAsync(state.RequirePerson(), data.AgreementId, new AgreementEdit
        {
            Text = text,
            WholeGroup = wholeGroup,
            OwnerIds = owners,
            WholeGroupDepends = wholeGroupDepends,
            DependantIds = dependants,
            DueSessionId = long.TryParse(context.Input(RecordCard.DueInput), NumberStyles.None, CultureInfo.InvariantCulture, out var due) ? due : null,
        }, ct);
        if (CloseLoopRefusals.For(result.Outcome, state.Language) is { } refusal)
        {
            return refusal;
        }
        var notice = result.Outcome == EditOutcome.Changed ? texts.Changed(text.Trim()) : texts.Unchanged;
        return CardActionResult.UpdateCard(await cards.BackAsync(result.CommunityId, data.SessionId, state.Language, notice, ct));
    }
}
