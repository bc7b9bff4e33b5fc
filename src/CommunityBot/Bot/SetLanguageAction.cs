using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Bot;

/// <summary>The language button: remembers the choice and redraws the card it sits on in that language.</summary>
internal sealed class SetLanguageAction(IServiceProvider services, TurnState state, PersonDirectory people) : CardActionHandler<LanguageChoice>
{
    public override string Verb => BotVerbs.SetLanguage;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, LanguageChoice choice, CancellationToken cancellationToken)
    {
        if (!Languages.TryParse(choice.Language, out var language))
        {
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction);
        }
        await people.SetLanguageAsync(state.RequireRealPerson(), language, cancellationToken);
        state.Language = language;
        var card = choice.Card == BotCards.HelpCardName
            ? await HelpCommand.HelpCardAsync(services, state, context.Activity, cancellationToken)
            : BotCards.Welcome(language, choice.InTeam);
        return CardActionResult.UpdateCard(card);
    }
}
