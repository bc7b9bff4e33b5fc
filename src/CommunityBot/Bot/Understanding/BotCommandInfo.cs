namespace CommunityBot.Bot.Understanding;

/// <summary>
/// What the interpreter needs of a command, read once per process: its triggers, whether a typo guess may run it, and
/// its type, which a turn resolves only when it runs that command.
/// </summary>
public sealed record BotCommandInfo(Type Type, IReadOnlyList<string> Triggers, bool RunsOnGuess)
{
    public static BotCommandInfo Of(IBotCommand command) => new(command.GetType(), command.Triggers, command.RunsOnGuess);
}
