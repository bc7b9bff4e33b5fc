using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary><c>community.roles</c>: "Manage roles" on the sheet opens the roles card in its place.</summary>
internal sealed class ShowRolesAction(StewardshipCards cards, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => CommunityVerbs.ShowRoles;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct) =>
        await cards.RolesAsync(state.RequirePerson(), data.CommunityId, state.Language, null, ct) is { } card
            ? CardActionResult.UpdateCard(card)
            : CardActionResult.Refuse(StewardshipTexts.All.For(state.Language).NotAllowed);
}
