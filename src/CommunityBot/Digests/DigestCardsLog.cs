namespace CommunityBot.Digests;

/// <summary>The digest cards' log lines: ids only. Event ids 7601–7699.</summary>
internal static partial class DigestCardsLog
{
    [LoggerMessage(7601, LogLevel.Information, "Person {PersonId} got the detail of community {CommunityId} for the digest of {Monday}")]
    public static partial void DetailSent(ILogger logger, long personId, long communityId, DateOnly monday);

    [LoggerMessage(7602, LogLevel.Warning, "Person {PersonId} asked the detail of community {CommunityId} for the digest of {Monday}, which their digest does not cover; refused")]
    public static partial void DetailRefused(ILogger logger, long personId, long? communityId, DateOnly monday);
}
