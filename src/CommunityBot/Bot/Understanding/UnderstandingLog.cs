namespace CommunityBot.Bot.Understanding;

/// <summary>Guesses about typed text: which trigger or phrasing was taken, never the text itself.</summary>
internal static partial class UnderstandingLog
{
    [LoggerMessage(3101, LogLevel.Debug, "Text of activity {ActivityId} is a greeting or thanks")]
    public static partial void Greeting(ILogger logger, string activityId);

    [LoggerMessage(3102, LogLevel.Debug, "Text of activity {ActivityId} could mean {Count} commands: asked which")]
    public static partial void Unsure(ILogger logger, string activityId, int count);

    [LoggerMessage(3103, LogLevel.Information, "Choice button in activity {ActivityId} named no known command; nothing ran")]
    public static partial void UnknownChoice(ILogger logger, string activityId);
}
