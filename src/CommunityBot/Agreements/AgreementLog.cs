namespace CommunityBot.Agreements;

internal static partial class AgreementLog
{
    [LoggerMessage(5001, LogLevel.Information, "Agreement {AgreementId} recorded in community {CommunityId}")]
    public static partial void Recorded(ILogger logger, long agreementId, long communityId);

    [LoggerMessage(5002, LogLevel.Information, "Agreement {AgreementId} changed to {Status} by person {PersonId}")]
    public static partial void Answered(ILogger logger, long agreementId, AgreementStatus status, long personId);

    [LoggerMessage(5003, LogLevel.Warning, "Person {PersonId} refused on agreement {AgreementId}")]
    public static partial void Refused(ILogger logger, long personId, long agreementId);

    [LoggerMessage(5004, LogLevel.Information, "Reminder plan {PlanId} of agreement {AgreementId} is stale and cancelled")]
    public static partial void ReminderStale(ILogger logger, long planId, long agreementId);

    [LoggerMessage(5005, LogLevel.Information, "{Count} reminders of closed agreements or of owners who answered cancelled")]
    public static partial void RemindersCancelled(ILogger logger, int count);

    [LoggerMessage(5006, LogLevel.Information, "Reminder plan {PlanId} sent to the outbox")]
    public static partial void ReminderSent(ILogger logger, long planId);

    [LoggerMessage(5007, LogLevel.Information, "Summary {Version} of session {SessionId} of community {CommunityId} sent to the outbox")]
    public static partial void SummaryQueued(ILogger logger, int version, long sessionId, long communityId);

    [LoggerMessage(5008, LogLevel.Debug, "Community {CommunityId} has no channel; no summary posted")]
    public static partial void NoChannel(ILogger logger, long communityId);

    [LoggerMessage(5031, LogLevel.Information, "Agreement {AgreementId} closed as done for every owner by person {PersonId}")]
    public static partial void ClosedAsDone(ILogger logger, long agreementId, long personId);

    [LoggerMessage(5032, LogLevel.Information, "Reminder plan {PlanId} cancelled: its owner has answered or is no member any more")]
    public static partial void ReminderNotForOwner(ILogger logger, long planId);

    [LoggerMessage(5009, LogLevel.Information, "Agreement {AgreementId} {Change} by coach {PersonId}")]
    public static partial void Closed(ILogger logger, long agreementId, AgreementChangeKind change, long personId);

    [LoggerMessage(5051, LogLevel.Information, "Help thread of agreement {AgreementId}: message {ChangeId} answers {InReplyToId}")]
    public static partial void HelpAnswered(ILogger logger, long agreementId, long changeId, long inReplyToId);

    [LoggerMessage(5052, LogLevel.Warning, "Person {PersonId} may not answer message {ChangeId} of agreement {AgreementId}, or it does not exist; refused")]
    public static partial void HelpRefused(ILogger logger, long personId, long agreementId, long changeId);
    [LoggerMessage(5040, LogLevel.Information, "Answer {ChangeId} on agreement {AgreementId} undone by person {PersonId}")]
    public static partial void Undone(ILogger logger, long changeId, long agreementId, long personId);
}
