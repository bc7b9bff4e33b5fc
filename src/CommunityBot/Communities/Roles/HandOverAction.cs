using System.Globalization;
using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary><c>community.handover</c>: the pressing coach hands the community to the chosen teacher, as the card said before the press.</summary>
internal sealed class HandOverAction(CommunityStewardship stewardship, StewardshipCards cards, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => CommunityVerbs.HandOver;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct)
    {
        var texts = StewardshipTexts.All.For(state.Language);
        var former = context.Input(RolesCard.FormerCoachInput);
        if (!long.TryParse(context.Input(RolesCard.NewCoachInput), NumberStyles.None, CultureInfo.InvariantCulture, out var newCoachId)
            || former is not (RolesCard.Stays or RolesCard.Leaves))
        {
            return CardActionResult.Refuse(texts.ChooseFirst);
        }
        var actor = state.RequirePerson();
        var stays = former == RolesCard.Stays;
        var result = await stewardship.HandOverAsync(actor, data.CommunityId, newCoachId, stays, ct);
        if (StewardshipRefusals.For(result.Outcome, texts) is { } refusal)
        {
            return refusal;
        }
        var notice = string.Format(stays ? texts.HandedOver : texts.HandedOverAndLeft, await cards.NameAsync(newCoachId, ct), await cards.CommunityNameAsync(data.CommunityId, ct));
        // A coach who left no longer manages the community: the card becomes the notice alone.
        return await cards.RolesAsync(actor, data.CommunityId, state.Language, notice, ct) is { } card
            ? CardActionResult.UpdateCard(card)
            : CardActionResult.UpdateCard(NoticeCard.Build(notice, state.Language));
    }
}
