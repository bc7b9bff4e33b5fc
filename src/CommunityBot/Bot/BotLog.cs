namespace CommunityBot.Bot;

internal static partial class BotLog
{
    [LoggerMessage(3001, LogLevel.Information, "Redelivered {ActivityType} activity {ActivityId} ignored")]
    public static partial void Duplicate(ILogger logger, string activityType, string activityId);

    /// <summary>The command's class, not its trigger: what people typed stays out of the log even when it is a command's words.</summary>
    [LoggerMessage(3002, LogLevel.Debug, "Activity {ActivityId} runs command {Command}")]
    public static partial void Command(ILogger logger, string activityId, string command);

    [LoggerMessage(3003, LogLevel.Debug, "Text of activity {ActivityId} matched no command")]
    public static partial void UnknownText(ILogger logger, string activityId);

    [LoggerMessage(3004, LogLevel.Debug, "Activity of type {ActivityType} ignored")]
    public static partial void Ignored(ILogger logger, string activityType);

    [LoggerMessage(3005, LogLevel.Information, "Card action in activity {ActivityId} carried data that could not be read; nothing was changed")]
    public static partial void MalformedCardAction(ILogger logger, string activityId);
}
