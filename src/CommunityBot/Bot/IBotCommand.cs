using CommunityBot.Conversations;
using CommunityBot.Localization;
using CommunityBot.Teams.Hosting;

namespace CommunityBot.Bot;

/// <summary>A text command a person can type. Each feature registers its own with <c>AddBotCommand</c>.</summary>
public interface IBotCommand
{
    /// <summary>The words that start the command, lower case, in every language (e.g. "help", "hulp").</summary>
    IReadOnlyList<string> Triggers { get; }

    /// <summary>The line the help card shows for this command, or null to keep it off the card.</summary>
    CommandHelp? Help(Language language);

    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);
}

public sealed record CommandHelp(string Command, string What);

/// <summary>A typed command: the turn, who typed it, in which language to answer, and the text after the trigger.</summary>
public sealed record CommandContext(TurnContext Turn, TurnState State, string Arguments)
{
    public Language Language => State.Language;

    /// <summary>Typed in the person's own chat with the bot: only there may a command show what is between them and the coach.</summary>
    public bool InPersonalChat => Conversation.KindOf(Turn.Activity) == ConversationKind.Personal;

    /// <summary><see cref="Arguments"/> as the person typed them (capitals kept): for free text that is shown to someone.</summary>
    public string TypedArguments { get; init; } = Arguments;
}
