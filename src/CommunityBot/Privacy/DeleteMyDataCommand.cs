using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Privacy;

/// <summary><c>verwijder mijn gegevens</c> / <c>delete my data</c>: the card that says what goes and what stays; nothing changes yet.</summary>
internal sealed class DeleteMyDataCommand : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["verwijder mijn gegevens", "wis mijn gegevens", "delete my data", "erase my data"];

    public CommandHelp Help(Language language)
    {
        var texts = PrivacyTexts.All.For(language);
        return new CommandHelp(texts.DeleteCommand, texts.DeleteWhat) { Audience = CommandAudience.Everyone };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await PersonalChatOnly.AllowsAsync(context, cancellationToken))
        {
            return;
        }
        await context.Turn.ReplyCardAsync(EraseCard.Build(context.State.RequirePerson(), context.Language), cancellationToken);
    }
}
