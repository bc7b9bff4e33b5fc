using CommunityBot.People;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Bot;

/// <summary>"What can you do?" on the welcome card turns that card into the help overview.</summary>
internal sealed class ShowHelpAction(IServiceProvider services, TurnState state) : CardActionHandler<CardRef>
{
    public override string Verb => BotVerbs.ShowHelp;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CardRef target, CancellationToken cancellationToken) =>
        CardActionResult.UpdateCard(await HelpCommand.HelpCardAsync(services, state, context.Activity, cancellationToken));
}
