using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

internal sealed class HelpCommand(IServiceProvider services) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["help", "hulp", "?", "menu", "wat kan je", "what can you do"];

    public CommandHelp Help(Language language)
    {
        var texts = BotTexts.All.For(language);
        return new CommandHelp(texts.HelpCommand, texts.HelpWhat);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = HelpCard(services, context.Language, context.Turn.Activity.TeamId is not null);
        await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), cancellationToken);
    }

    /// <summary>The help card lists every registered command, so features appear on it by registering.</summary>
    internal static Teams.Cards.AdaptiveCard HelpCard(IServiceProvider services, Language language, bool inTeam) =>
        BotCards.Help(language, services.GetServices<IBotCommand>().Select(c => c.Help(language)).OfType<CommandHelp>(), inTeam);
}
