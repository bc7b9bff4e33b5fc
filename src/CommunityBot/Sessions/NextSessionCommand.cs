using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>next session</c> / <c>volgende sessie</c>: when and where, in the community's time zone, for each of the
/// person's communities; with move and cancel for who runs it, "ik kan niet komen" for a member.
/// </summary>
internal sealed class NextSessionCommand(SessionViews views) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["next session", "volgende sessie", "wanneer is de volgende sessie", "when is the next session"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.NextCommand, texts.NextWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.Sessions };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = await views.NextAsync(context.State.RequirePerson(), context.Turn.Activity, context.Language, cancellationToken);
        if (card is null)
        {
            await context.Turn.ReplyTextAsync(SessionTexts.All.For(context.Language).NotInAnyCommunity, cancellationToken);
            return;
        }
        await context.Turn.ReplyCardAsync(card, cancellationToken);
    }
}
