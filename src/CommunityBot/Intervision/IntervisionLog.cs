namespace CommunityBot.Intervision;

internal static partial class IntervisionLog
{
    [LoggerMessage(7701, LogLevel.Information, "Intervision group {GroupId}: proposal {ProposalId} with {SlotCount} slots")]
    public static partial void Proposed(ILogger logger, long groupId, long proposalId, int slotCount);

    [LoggerMessage(7702, LogLevel.Information, "Intervision group {GroupId}: no slot in the search window")]
    public static partial void NoSlots(ILogger logger, long groupId);

    [LoggerMessage(7703, LogLevel.Warning, "Intervision group {GroupId}: calendar failed ({Problem}); nothing proposed")]
    public static partial void CalendarFailed(ILogger logger, long groupId, CalendarProblem problem);

    [LoggerMessage(7704, LogLevel.Information, "Person {PersonId} voted on intervision proposal {ProposalId} for {SlotCount} slots")]
    public static partial void Voted(ILogger logger, long personId, long proposalId, int slotCount);

    [LoggerMessage(7705, LogLevel.Warning, "Person {PersonId} sent a vote on intervision proposal {ProposalId} that was refused ({Reason})")]
    public static partial void VoteRefused(ILogger logger, long personId, long proposalId, string reason);

    [LoggerMessage(7706, LogLevel.Information, "Intervision proposal {ProposalId}: vote closed, slot {SlotId} is the best")]
    public static partial void VoteClosed(ILogger logger, long proposalId, long slotId);

    [LoggerMessage(7707, LogLevel.Information, "Intervision proposal {ProposalId}: confirmed slot {SlotId} by person {PersonId}")]
    public static partial void Confirmed(ILogger logger, long proposalId, long slotId, long personId);

    [LoggerMessage(7708, LogLevel.Information, "Intervision proposal {ProposalId}: booked")]
    public static partial void Booked(ILogger logger, long proposalId);

    [LoggerMessage(7709, LogLevel.Warning, "Intervision proposal {ProposalId}: booking failed ({Problem}); retried later")]
    public static partial void BookingFailed(ILogger logger, long proposalId, CalendarProblem problem);

    [LoggerMessage(7710, LogLevel.Information, "Intervision group {GroupId} changed by person {PersonId}")]
    public static partial void GroupChanged(ILogger logger, long groupId, long personId);

    [LoggerMessage(7711, LogLevel.Warning, "Person {PersonId} may not change intervision group {GroupId}; refused")]
    public static partial void GroupRefused(ILogger logger, long personId, long groupId);

    [LoggerMessage(7712, LogLevel.Information, "Intervision proposal {ProposalId}: moved by person {PersonId}")]
    public static partial void Moved(ILogger logger, long proposalId, long personId);

    [LoggerMessage(7713, LogLevel.Information, "Intervision proposal {ProposalId}: cancelled by person {PersonId}")]
    public static partial void Cancelled(ILogger logger, long proposalId, long personId);
}
