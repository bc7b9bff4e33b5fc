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

    /// <summary>
    /// False for a command that changes something at once without asking (klaar, pauze, terug): a typo guess of it
    /// ("Doen!" is not "done") then asks "did you mean …?" instead of running it.
    /// </summary>
    bool RunsOnGuess => true;
}

/// <summary>A line of the help card: the command as typed, what it does, who may use it, and an example.</summary>
public sealed record CommandHelp(string Command, string What)
{
    public CommandAudience Audience { get; init; } = CommandAudience.Everyone;

    /// <summary>A full example as someone would type it ("klaar 2"), or null when <see cref="Command"/> is the example.</summary>
    public string? Example { get; init; }

    /// <summary>Under which heading of the help card it stands: what the person does with it.</summary>
    public CommandTopic Topic { get; init; } = CommandTopic.General;
}

/// <summary>The help card's groups, in the order the card shows them.</summary>
public enum CommandTopic
{
    General,
    Agreements,
    Sessions,
    CheckIns,
    Community,
    Coaching,
    Digest,
    Intervision,
    Development,
}

/// <summary>Who a command is for: the help card shows a person only the commands of the roles they have in that conversation.</summary>
[Flags]
public enum CommandAudience
{
    None = 0,
    Member = 1,
    Coach = 2,
    CoachTheCoach = 4,
    Leader = 8,
    Admin = 16,

    /// <summary>Development aids (demo clock, act as): shown only when the host runs in Development.</summary>
    Development = 32,
    Everyone = Member | Coach | CoachTheCoach | Leader | Admin,
}

/// <summary>A typed command: the turn, who typed it, in which language to answer, and the text after the trigger.</summary>
public sealed record CommandContext(TurnContext Turn, TurnState State, string Arguments)
{
    public Language Language => State.Language;

    /// <summary>Typed in the person's own chat with the bot: only there may a command show what is between them and the coach.</summary>
    public bool InPersonalChat => Conversation.KindOf(Turn.Activity) == ConversationKind.Personal;

    /// <summary><see cref="Arguments"/> as the person typed them (capitals kept): for free text that is shown to someone.</summary>
    public string TypedArguments { get; init; } = Arguments;
}
