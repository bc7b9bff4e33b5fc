using CommunityBot.Bot;
using CommunityBot.Communities.Roles;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Participation;

/// <summary><c>community.leave</c>: "Leave community" on the sheet shows, in its place, what leaving means.</summary>
internal sealed class ShowLeaveAction(CommunityDirectory directory, AppDbContext db, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => ParticipationVerbs.ShowLeave;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct)
    {
        if (!await directory.IsMemberAsync(state.RequirePerson(), data.CommunityId, ct))
        {
            return CardActionResult.Refuse(ParticipationTexts.All.For(state.Language).NotAMember);
        }
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == data.CommunityId, ct);
        return CardActionResult.UpdateCard(LeaveCard.Build(community, state.Language));
    }
}
