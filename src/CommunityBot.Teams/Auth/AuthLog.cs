using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Auth;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Inbound token accepted from issuer {Issuer}")]
    public static partial void TokenAccepted(ILogger logger, string issuer);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Inbound request rejected as {Status}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, BotAuthenticationStatus status, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Fetching OpenID metadata and signing keys from {MetadataUrl}")]
    public static partial void FetchingSigningKeys(ILogger logger, string metadataUrl);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Signing keys could not be fetched from {MetadataUrl} ({Error}); tokens needing them are answered 503 until the next attempt")]
    public static partial void SigningKeysUnavailable(ILogger logger, string metadataUrl, string error);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Inbound authentication failed unexpectedly ({Error}); the request is refused")]
    public static partial void AuthenticationFailed(ILogger logger, string error);
}
