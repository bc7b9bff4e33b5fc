using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary><c>community.save</c>: saves phase, theme and goals; the form is redrawn saying what changed.</summary>
internal sealed class SaveSheetAction(CommunityStewardship stewardship, StewardshipCards cards, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => CommunityVerbs.SaveSheet;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct)
    {
        var texts = StewardshipTexts.All.For(state.Language);
        if (!Enum.TryParse<CommunityPhase>(context.Input(EditSheetCard.PhaseInput), ignoreCase: false, out var phase) || !Enum.IsDefined(phase))
        {
            return CardActionResult.Refuse(texts.ChooseFirst);
        }
        var theme = context.Input(EditSheetCard.ThemeInput);
        var goals = context.Input(EditSheetCard.GoalsInput);
        if ((TextLimits.RefuseOnCard(theme, TextLimits.Theme, t => t.Theme, state.Language)
            ?? TextLimits.RefuseOnCard(goals, TextLimits.Goals, t => t.Goals, state.Language)) is { } tooLong)
        {
            return tooLong;
        }
        var actor = state.RequirePerson();
        var result = await stewardship.EditSheetAsync(actor, data.CommunityId, phase, theme, goals, ct);
        if (StewardshipRefusals.For(result.Outcome, texts) is { } refusal)
        {
            return refusal;
        }
        var notice = result.Changed is { Count: > 0 } changed
            ? string.Format(texts.Saved, string.Join(", ", changed.Select(k => texts.ChangeNames[k])))
            : texts.NothingChanged;
        return await cards.EditAsync(actor, data.CommunityId, state.Language, notice, ct) is { } card
            ? CardActionResult.UpdateCard(card)
            : CardActionResult.Message(notice);
    }
}
