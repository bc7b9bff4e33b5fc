using CommunityBot.People;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Bot;

/// <summary>"What can you do?" on the welcome card turns that card into the help overview.</summary>
internal sealed class ShowHelpAction(IServiceProvider services, TurnState state) : CardActionHandler<CardRef>
{
    public override string Verb => BotVerbs.ShowHelp;

    protected override Task<CardActionResult> HandleAsync(CardActionContext context, CardRef target, CancellationToken cancellationToken)
    {
        var card = HelpCommand.HelpCard(services, state.Language, target.InTeam);
        return Task.FromResult(CardActionResult.UpdateCard(card));
    }
}
