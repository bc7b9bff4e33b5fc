using System.Globalization;
using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary><c>community.role</c>: gives the chosen person the chosen role; the roles card is redrawn with what changed.</summary>
internal sealed class ChangeRoleAction(CommunityStewardship stewardship, StewardshipCards cards, TurnState state) : CardActionHandler<CommunityCardData>
{
    public override string Verb => CommunityVerbs.ChangeRole;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CommunityCardData data, CancellationToken ct)
    {
        var texts = StewardshipTexts.All.For(state.Language);
        if (!long.TryParse(context.Input(RolesCard.PersonInput), NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
            || !Enum.TryParse<CommunityRole>(context.Input(RolesCard.RoleInput), ignoreCase: false, out var role)
            || !Enum.IsDefined(role))
        {
            return CardActionResult.Refuse(texts.ChooseFirst);
        }
        var actor = state.RequirePerson();
        var result = await stewardship.ChangeRoleAsync(actor, data.CommunityId, personId, role, ct);
        if (StewardshipRefusals.For(result.Outcome, texts) is { } refusal)
        {
            return refusal;
        }
        var notice = result.Outcome == StewardshipOutcome.Unchanged
            ? texts.RoleUnchanged
            : string.Format(texts.RoleChanged, await cards.NameAsync(personId, ct), texts.RoleNames[role].ToLower(state.Language.Culture()));
        return await cards.RolesAsync(actor, data.CommunityId, state.Language, notice, ct) is { } card
            ? CardActionResult.UpdateCard(card)
            : CardActionResult.Message(notice);
    }
}
