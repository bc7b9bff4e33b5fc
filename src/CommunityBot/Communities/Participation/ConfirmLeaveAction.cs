using CommunityBot.Bot;
using CommunityBot.Communities.Roles;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Participation;

/// <summary><c>community.leave.confirm</c>: the pressing member leaves the community on the card; a card can only make its presser leave.</summary>
internal sealed class ConfirmLeaveAction(MemberParticipation participation, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => ParticipationVerbs.ConfirmLeave;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct)
    {
        var texts = ParticipationTexts.All.For(state.Language);
        var result = await participation.LeaveAsync(state.RequirePerson(), data.CommunityId, ct);
        return result.Outcome switch
        {
            ParticipationOutcome.Done => CardActionResult.UpdateCard(NoticeCard.Build(string.Format(texts.HasLeft, result.Communities[0].Name), state.Language)),
            ParticipationOutcome.LastCoach => CardActionResult.Refuse(string.Format(texts.LastCoachCannotLeave, result.Communities[0].Name)),
            _ => CardActionResult.Refuse(texts.NotAMember),
        };
    }
}
