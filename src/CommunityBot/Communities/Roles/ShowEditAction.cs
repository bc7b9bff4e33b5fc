using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary><c>community.edit</c>: "Edit sheet" on the sheet opens the phase, theme and goals form in its place.</summary>
internal sealed class ShowEditAction(StewardshipCards cards, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => CommunityVerbs.ShowEdit;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct) =>
        await cards.EditAsync(state.RequirePerson(), data.CommunityId, state.Language, null, ct) is { } card
            ? CardActionResult.UpdateCard(card)
            : CardActionResult.Refuse(StewardshipTexts.All.For(state.Language).NotAllowed);
}
