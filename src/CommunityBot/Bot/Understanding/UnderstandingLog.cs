namespace CommunityBot.Bot.Understanding;

/// <summary>Guesses about typed text: which trigger or phrasing was taken, never the text itself.</summary>
internal static partial class UnderstandingLog
{
    [LoggerMessage(3101, LogLevel.Debug, "Typed text taken for {Trigger} with {Typos} typos")]
    public static partial void Typo(ILogger logger, string trigger, int typos);

    [LoggerMessage(3102, LogLevel.Debug, "Text of activity {ActivityId} could mean {Count} commands: asked which")]
    public static partial void Unsure(ILogger logger, string activityId, int count);

    [LoggerMessage(3103, LogLevel.Debug, "Typed text matched the phrasing for {Target}")]
    public static partial void Phrase(ILogger logger, string target);

    [LoggerMessage(3104, LogLevel.Information, "Choice button in activity {ActivityId} named no known command; nothing ran")]
    public static partial void UnknownChoice(ILogger logger, string activityId);
}
