namespace CommunityBot.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(9101, LogLevel.Warning, "Admin request refused (key given: {KeyGiven}, loopback: {Loopback})")]
    public static partial void Refused(ILogger logger, bool keyGiven, bool loopback);
}
