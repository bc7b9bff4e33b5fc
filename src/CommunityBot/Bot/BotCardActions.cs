using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

/// <summary>"What can you do?" on the welcome card turns that card into the help overview.</summary>
internal sealed class ShowHelpAction(IServiceProvider services, TurnState state) : ICardActionHandler
{
    public string Verb => BotVerbs.ShowHelp;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var target = TeamsJson.Deserialize<CardRef>(context.Data);
        var card = HelpCommand.HelpCard(services, state.Language, target?.InTeam ?? false);
        return Task.FromResult(CardActionResult.UpdateCard(card));
    }
}

/// <summary>The language button: remembers the choice and redraws the card it sits on in that language.</summary>
internal sealed class SetLanguageAction(IServiceProvider services, TurnState state, PersonDirectory people) : ICardActionHandler
{
    public string Verb => BotVerbs.SetLanguage;

    public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var choice = TeamsJson.Deserialize<LanguageChoice>(context.Data);
        if (choice is null || !Languages.TryParse(choice.Language, out var language))
        {
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction);
        }
        await people.SetLanguageAsync(state.RequireRealPerson(), language, cancellationToken);
        state.Language = language;
        var card = choice.Card == BotCards.HelpCardName
            ? HelpCommand.HelpCard(services, language, choice.InTeam)
            : BotCards.Welcome(language, choice.InTeam);
        return CardActionResult.UpdateCard(card);
    }
}
