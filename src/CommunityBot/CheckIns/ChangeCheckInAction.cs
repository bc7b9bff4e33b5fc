using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Teams.Cards;
using CommunityBot.Tenants;

namespace CommunityBot.CheckIns;

/// <summary><c>checkin.change</c>: the thank-you card becomes the form again, prefilled with the member's answers, while the round is open.</summary>
internal sealed class ChangeCheckInAction(CheckInBook book, CommunityDirectory directory, TurnState state, TimeProvider clock, ITenantSettings tenants)
    : CardActionHandler<CheckInData>
{
    public override string Verb => CheckInVerbs.Change;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CheckInData data, CancellationToken ct)
    {
        var texts = CheckInTexts.All.For(state.Language);
        var person = state.RequirePerson();
        if (await directory.RoleAsync(person.Id, data.CommunityId, ct) != CommunityRole.Member)
        {
            return CardActionResult.Refuse(texts.NotAMember);
        }
        var own = await book.OwnAsync(person, data.CommunityId, ct);
        if (own.Round(data.CheckInId) is not { } round)
        {
            return CardActionResult.Refuse(texts.Unknown);
        }
        var now = clock.GetUtcNow();
        return round.CheckIn.IsOpenAt(now)
            ? CardActionResult.UpdateCard(CheckInCard.Build(own, round, (await tenants.ForTenantAsync(person.TenantId, ct)).MinimumResponses, now, state.Language))
            : CardActionResult.Refuse(texts.Closed);
    }
}
