using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

internal sealed class HelpCommand(IServiceProvider services) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["help", "hulp", "?", "menu", "wat kan je", "what can you do"];

    public CommandHelp Help(Language language)
    {
        var texts = BotTexts.All.For(language);
        return new CommandHelp(texts.HelpCommand, texts.HelpWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.General };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = await HelpCardAsync(services, context.State, context.Turn.Activity, cancellationToken);
        await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), cancellationToken);
    }

    /// <summary>
    /// The help card for whoever acts in this turn, where they typed: every registered command whose audience is theirs,
    /// so features appear on it by registering.
    /// </summary>
    internal static async Task<Teams.Cards.AdaptiveCard> HelpCardAsync(IServiceProvider services, TurnState state, Activity activity, CancellationToken ct)
    {
        var audience = await services.GetRequiredService<HelpAudience>().OfAsync(state.Person, activity.TeamId, ct);
        var commands = services.GetServices<IBotCommand>().Select(c => c.Help(state.Language)).OfType<CommandHelp>()
            .Where(c => HelpAudience.Shows(c, audience));
        var inCommunity = (audience & CommandAudience.Everyone) != 0;
        return BotCards.Help(state.Language, commands, activity.TeamId is not null, inCommunity);
    }
}
