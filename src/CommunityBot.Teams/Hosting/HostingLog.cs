using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Bot request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Activity from tenant {TenantId} refused: tenant not allowed")]
    public static partial void TenantRefused(ILogger logger, string tenantId);
}
