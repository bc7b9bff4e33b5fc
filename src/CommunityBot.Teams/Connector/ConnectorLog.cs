using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Connector;

/// <summary>Connector log events: ids, operations and status codes only, never message texts or names.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Connector {Operation} on {ConversationId} succeeded ({StatusCode})")]
    public static partial void CallSucceeded(ILogger logger, string operation, string? conversationId, int? statusCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Connector {Operation} on {ConversationId} failed: {Outcome} ({StatusCode}) {Error}")]
    public static partial void CallFailed(ILogger logger, string operation, string? conversationId, ConnectorOutcome outcome, int? statusCode, string? error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Connector token for app {AppId} could not be acquired: {ErrorCode} (transient: {IsTransient})")]
    public static partial void TokenFailed(ILogger logger, string appId, string errorCode, bool isTransient);
}
