using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>sessies</c> / <c>sessions</c>: the planned sessions of each of the person's communities, with move and cancel
/// where they run it. In a team's channel only that team's community.
/// </summary>
internal sealed class SessionListCommand(SessionViews views) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["sessies", "geplande sessies", "sessions", "planned sessions"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.ListCommand, texts.ListWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.Sessions };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = await views.ListAsync(context.State.RequirePerson(), context.Turn.Activity, context.Language, cancellationToken);
        if (card is null)
        {
            await context.Turn.ReplyTextAsync(SessionTexts.All.For(context.Language).NotInAnyCommunity, cancellationToken);
            return;
        }
        await context.Turn.ReplyCardAsync(card, cancellationToken);
    }
}
