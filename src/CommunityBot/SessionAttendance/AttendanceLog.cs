namespace CommunityBot.SessionAttendance;

internal static partial class AttendanceLog
{
    [LoggerMessage(5701, LogLevel.Information, "Person {PersonId} sent regrets for session {SessionId}")]
    public static partial void RegretsSent(ILogger logger, long personId, long sessionId);

    [LoggerMessage(5702, LogLevel.Information, "Person {PersonId} took back regrets for session {SessionId}")]
    public static partial void RegretsTakenBack(ILogger logger, long personId, long sessionId);

    [LoggerMessage(5703, LogLevel.Information, "Person {PersonId} saved attendance of {Count} people for session {SessionId}")]
    public static partial void AttendanceSaved(ILogger logger, long personId, long sessionId, int count);

    [LoggerMessage(5704, LogLevel.Warning, "Person {PersonId} may not take attendance for session {SessionId}; refused")]
    public static partial void AttendanceRefused(ILogger logger, long personId, long sessionId);

    [LoggerMessage(5705, LogLevel.Warning, "Attendance for session {SessionId} named a person who is not on its list; nothing saved")]
    public static partial void UnknownPersonOnCard(ILogger logger, long sessionId);
}
