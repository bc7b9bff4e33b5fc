namespace CommunityBot.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(9901, LogLevel.Warning, "The database is unavailable ({Error}); the request was answered 503 with Retry-After {RetryAfterSeconds} s")]
    public static partial void Unavailable(ILogger logger, string error, int retryAfterSeconds);
}
