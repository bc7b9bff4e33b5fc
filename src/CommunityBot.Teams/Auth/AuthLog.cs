using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Auth;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Inbound token accepted from issuer {Issuer}")]
    public static partial void TokenAccepted(ILogger logger, string issuer);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Inbound request rejected as {Status}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, BotAuthenticationStatus status, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "A token named an unknown signing key; fetching OpenID metadata again from {MetadataUrl}")]
    public static partial void RefreshingSigningKeys(ILogger logger, string metadataUrl);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Fetching OpenID metadata again from {MetadataUrl} failed; keeping the signing keys we have")]
    public static partial void SigningKeyRefreshFailed(ILogger logger, string metadataUrl, Exception exception);
}
