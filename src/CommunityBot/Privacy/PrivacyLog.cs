using Microsoft.Extensions.Logging;

namespace CommunityBot.Privacy;

/// <summary>Privacy operations log ids and counts only (events 9501–9509).</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(9501, LogLevel.Information, "Person {PersonId} erased their data")]
    public static partial void Erased(ILogger logger, long personId);

    [LoggerMessage(9502, LogLevel.Information, "Retention deleted {Rows} rows")]
    public static partial void RetentionRan(ILogger logger, int rows);

    [LoggerMessage(9503, LogLevel.Warning, "Tenant {TenantId} removed: {Rows} rows of its top-level tables deleted")]
    public static partial void TenantRemoved(ILogger logger, string tenantId, int rows);
}
