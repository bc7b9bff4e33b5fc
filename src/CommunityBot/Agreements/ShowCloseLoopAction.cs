using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>"Close the loop" on the briefing (and "back" on the edit card): the session's close-the-loop card, for its coach.</summary>
internal sealed class ShowCloseLoopAction(AppDbContext db, CommunityDirectory access, CloseLoopCards cards, TurnState state) : CardActionHandler<LoopData>
{
    public override string Verb => CloseLoopVerbs.Show;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, LoopData data, CancellationToken ct)
    {
        var communityId = await db.Sessions.Where(s => s.Id == data.SessionId).Select(s => (long?)s.CommunityId).SingleOrDefaultAsync(ct);
        if (communityId is not { } id || !await access.CanManageAsync(state.RequirePerson(), id, ct))
        {
            return CardActionResult.Refuse(CloseLoopTexts.All.For(state.Language).OnlyCoach);
        }
        return CardActionResult.UpdateCard((await cards.LoopAsync(data.SessionId, state.Language, null, ct))!);
    }
}
