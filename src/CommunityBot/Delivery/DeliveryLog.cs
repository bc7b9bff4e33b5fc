namespace CommunityBot.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(6001, LogLevel.Debug, "Outbox message {DedupeKey} already enqueued")]
    public static partial void AlreadyEnqueued(ILogger logger, string dedupeKey);

    [LoggerMessage(6002, LogLevel.Debug, "Instance {InstanceId} claimed {Count} outbox messages")]
    public static partial void Claimed(ILogger logger, string instanceId, int count);

    [LoggerMessage(6003, LogLevel.Debug, "Outbox message {MessageId} sent as activity {ActivityId}")]
    public static partial void Sent(ILogger logger, long messageId, string activityId);

    [LoggerMessage(6004, LogLevel.Information, "Outbox message {MessageId} throttled for {RetryAfter} (tenant-wide: {TenantWide})")]
    public static partial void Throttled(ILogger logger, long messageId, TimeSpan retryAfter, bool tenantWide);

    [LoggerMessage(6005, LogLevel.Information, "Outbox message {MessageId} attempt {Attempt} failed ({Error}); next at {NextAttemptAt}")]
    public static partial void Retrying(ILogger logger, long messageId, int attempt, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(6006, LogLevel.Warning, "Outbox message {MessageId} failed for good: {Error}")]
    public static partial void Failed(ILogger logger, long messageId, string? error);

    [LoggerMessage(6007, LogLevel.Warning, "Recipient {RecipientKey} is unreachable: {Reason}")]
    public static partial void RecipientUnreachable(ILogger logger, string recipientKey, string reason);

    [LoggerMessage(6008, LogLevel.Error, "Dispatcher run failed")]
    public static partial void RunFailed(ILogger logger, Exception exception);

    [LoggerMessage(6010, LogLevel.Error, "Outbox message {MessageId} could not be processed; its lease will bring it back")]
    public static partial void SendFailed(ILogger logger, long messageId, Exception exception);

    [LoggerMessage(6009, LogLevel.Information, "Opened a personal chat (conversation row {ConversationRowId}) with person {PersonId}")]
    public static partial void OpenedPersonalChat(ILogger logger, long conversationRowId, long personId);

    [LoggerMessage(6011, LogLevel.Debug, "Outbox message {MessageId} was claimed again while it waited; not sent by this claim")]
    public static partial void ClaimLost(ILogger logger, long messageId);

    [LoggerMessage(6012, LogLevel.Debug, "Outbox message {MessageId} not sent: a newer update of the same card is queued")]
    public static partial void Superseded(ILogger logger, long messageId);

    [LoggerMessage(6013, LogLevel.Critical, "Teams rejected the bot's credentials ({Error}): delivery paused until {Until}, readiness unhealthy until a send succeeds")]
    public static partial void CredentialsRejected(ILogger logger, string error, DateTimeOffset until);

    [LoggerMessage(6014, LogLevel.Information, "Teams accepts the bot's credentials again: delivery resumed")]
    public static partial void CredentialsAccepted(ILogger logger);
}
