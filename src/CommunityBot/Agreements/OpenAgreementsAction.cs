using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>"Back" on the edit card opened from the open-agreements list: the list again, for the community's coach.</summary>
internal sealed class OpenAgreementsAction(CommunityDirectory access, CloseLoopCards cards, TurnState state) : CardActionHandler<OpenData>
{
    public override string Verb => CloseLoopVerbs.Open;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, OpenData data, CancellationToken ct) =>
        await access.CanManageAsync(state.RequirePerson(), data.CommunityId, ct)
            ? CardActionResult.UpdateCard(await cards.OpenAsync(data.CommunityId, state.Language, null, ct))
            : CardActionResult.Refuse(CloseLoopTexts.All.For(state.Language).OnlyCoach);
}
