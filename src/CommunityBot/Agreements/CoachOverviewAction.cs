using CommunityBot.Bot;
using CommunityBot.Conversations;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary><c>agreement.overview</c>: "Toon" on the overview redraws it in place for the chosen session, re-checking who asks and where.</summary>
internal sealed class CoachOverviewAction(CoachOverview overview, TurnState state) : CardActionHandler<OverviewData>
{
    public override string Verb => AgreementVerbs.Overview;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, OverviewData data, CancellationToken ct)
    {
        if (Conversation.KindOf(context.Activity) != ConversationKind.Personal)
        {
            return CardActionResult.Refuse(CoachOverviewTexts.All.For(state.Language).NotHere);
        }
        var card = await overview.CardAsync(state.RequirePerson(), data.CommunityId, null, personalChat: true, context.Input(CoachOverviewCard.FilterInputId), state.Language, ct);
        return card is null
            ? CardActionResult.Refuse(CoachOverviewTexts.All.For(state.Language).UnknownCommunity)
            : CardActionResult.UpdateCard(card);
    }
}
