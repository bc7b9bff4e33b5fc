namespace CommunityBot.Sessions;

internal static partial class SessionsLog
{
    [LoggerMessage(5101, LogLevel.Information, "Session {SessionId} of community {CommunityId} {Change} (version {Version})")]
    public static partial void Changed(ILogger logger, long sessionId, long communityId, SessionChange change, int version);

    [LoggerMessage(5102, LogLevel.Warning, "Person {PersonId} may not manage sessions of community {CommunityId}; refused")]
    public static partial void Refused(ILogger logger, long personId, long communityId);

    [LoggerMessage(5103, LogLevel.Information, "Community {CommunityId} has no channel linked; session {SessionId} not announced")]
    public static partial void NoChannel(ILogger logger, long communityId, long sessionId);

    [LoggerMessage(5104, LogLevel.Information, "{Count} planned sessions whose time has passed marked held")]
    public static partial void MarkedHeld(ILogger logger, int count);
}
