using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Tenants;

namespace CommunityBot.Bot;

/// <summary>The language button: remembers the choice and redraws the card it sits on in that language.</summary>
internal sealed class SetLanguageAction(IServiceProvider services, TurnState state, PersonDirectory people, ITenantSettings tenants) : CardActionHandler<LanguageChoice>
{
    public override string Verb => BotVerbs.SetLanguage;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, LanguageChoice choice, CancellationToken cancellationToken)
    {
        if (!Languages.TryParse(choice.Language, out var language))
        {
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction);
        }
        var person = state.RequireRealPerson();
        if (!(await tenants.ForTenantAsync(person.TenantId, cancellationToken)).Languages.Contains(language))
        {
            return CardActionResult.Refuse(TenantSettingsTexts.All.For(state.Language).LanguageNotOffered);
        }
        await people.SetLanguageAsync(person, language, cancellationToken);
        state.Language = language;
        var card = choice.Card == BotCards.HelpCardName
            ? await HelpCommand.HelpCardAsync(services, state, context.Activity, cancellationToken)
            : BotCards.Welcome(language, choice.InTeam);
        return CardActionResult.UpdateCard(card);
    }
}
