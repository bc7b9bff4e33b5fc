namespace CommunityBot.Limits;

internal static partial class LimitsLog
{
    [LoggerMessage(9801, LogLevel.Information, "A message of {Length} characters was not read (limit {Limit})")]
    public static partial void MessageTooLong(ILogger logger, int length, int limit);
}
