namespace CommunityBot.Digests;

/// <summary>Event ids 7201–7220: the digests' schedule and commands. Ids only.</summary>
internal static partial class DigestsLog
{
    [LoggerMessage(7201, LogLevel.Information, "Digests of tenant {TenantId} for week {WeekKey} enqueued for {RecipientCount} recipients")]
    public static partial void Made(ILogger logger, string tenantId, string weekKey, int recipientCount);

    [LoggerMessage(7202, LogLevel.Debug, "Digests of tenant {TenantId} for week {WeekKey} were already made by another run")]
    public static partial void AlreadyMade(ILogger logger, string tenantId, string weekKey);

    [LoggerMessage(7203, LogLevel.Information, "Person {PersonId} turned the weekly digest {State}")]
    public static partial void Subscription(ILogger logger, long personId, string state);

    [LoggerMessage(7204, LogLevel.Error, "Digests of tenant {TenantId} for week {WeekKey} failed; retried next minute")]
    public static partial void Failed(ILogger logger, string tenantId, string weekKey, Exception exception);
}
