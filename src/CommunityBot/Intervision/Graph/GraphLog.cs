namespace CommunityBot.Intervision.Graph;

/// <summary>Graph's log lines: counts, event ids and status codes, never addresses, subjects or names.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(8601, LogLevel.Information, "Read free/busy of {Count} addresses; {Unreadable} could not be read")]
    public static partial void ScheduleRead(ILogger logger, int count, int unreadable);

    [LoggerMessage(8602, LogLevel.Information, "Created Graph event {EventId} (join link: {HasJoinUrl})")]
    public static partial void MeetingCreated(ILogger logger, string eventId, bool hasJoinUrl);

    [LoggerMessage(8603, LogLevel.Information, "Moved Graph event {EventId}")]
    public static partial void MeetingMoved(ILogger logger, string eventId);

    [LoggerMessage(8604, LogLevel.Information, "Cancelled Graph event {EventId}")]
    public static partial void MeetingCancelled(ILogger logger, string eventId);

    [LoggerMessage(8605, LogLevel.Warning, "Graph {Operation} failed with {Status} {Code}")]
    public static partial void Failed(ILogger logger, string operation, int status, string? code);

    [LoggerMessage(8606, LogLevel.Information, "Microsoft Graph runs against the local stand-in at {BaseUrl}")]
    public static partial void StandIn(ILogger logger, Uri baseUrl);
}
