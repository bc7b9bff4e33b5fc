namespace CommunityBot.CheckIns;

/// <summary>Ids only: never answers, comments, names or pseudonyms (a pseudonym next to a person id in a log would undo it).</summary>
internal static partial class CheckInsLog
{
    [LoggerMessage(5809, LogLevel.Error, "Check-in {CheckInId} asks instrument version {InstrumentVersion}, which is not shipped; shown as not available")]
    public static partial void InstrumentNotShipped(ILogger logger, long checkInId, int instrumentVersion);

    [LoggerMessage(5801, LogLevel.Information, "Check-in {CheckInId} opened for community {CommunityId} with {Invited} members invited")]
    public static partial void Opened(ILogger logger, long checkInId, long communityId, int invited);

    [LoggerMessage(5802, LogLevel.Information, "An answer to check-in {CheckInId} was saved")]
    public static partial void AnswerSaved(ILogger logger, long checkInId);

    [LoggerMessage(5803, LogLevel.Warning, "An answer named check-in {CheckInId} of community {CommunityId}, which is unknown or belongs to another community; refused")]
    public static partial void ForgedCommunity(ILogger logger, long checkInId, long communityId);

    [LoggerMessage(5804, LogLevel.Warning, "An answer to check-in {CheckInId} had unknown items or values out of range; refused")]
    public static partial void InvalidAnswers(ILogger logger, long checkInId);

    [LoggerMessage(5805, LogLevel.Information, "Check-in {CheckInId} closed")]
    public static partial void Closed(ILogger logger, long checkInId);

    [LoggerMessage(5806, LogLevel.Information, "Check-in {CheckInId}: reminder handed to the outbox for {Count} members who have not answered")]
    public static partial void Reminded(ILogger logger, long checkInId, int count);

    [LoggerMessage(5807, LogLevel.Information, "The result of check-in {CheckInId} was enqueued for {Coaches} coaches")]
    public static partial void ResultEnqueued(ILogger logger, long checkInId, int coaches);

    [LoggerMessage(5808, LogLevel.Information, "Community {CommunityId} moved to check-in instrument version {Version}")]
    public static partial void InstrumentChanged(ILogger logger, long communityId, int version);
}
