namespace CommunityBot.Communities;

internal static partial class CommunitiesLog
{
    [LoggerMessage(4001, LogLevel.Information, "Community {CommunityId} linked to a team; roster of {RosterCount}, {Joined} joined")]
    public static partial void Linked(ILogger logger, long communityId, int rosterCount, int joined);

    [LoggerMessage(4002, LogLevel.Warning, "Team roster could not be read: {Outcome}")]
    public static partial void RosterFailed(ILogger logger, string outcome);

    [LoggerMessage(4003, LogLevel.Information, "Community {CommunityId}: {Joined} joined, {Left} left")]
    public static partial void MembersChanged(ILogger logger, long communityId, int joined, int left);

    [LoggerMessage(4004, LogLevel.Information, "Import for tenant {TenantId}: {RowCount} rows, {ErrorCount} errors")]
    public static partial void Imported(ILogger logger, string tenantId, int rowCount, int errorCount);

    [LoggerMessage(4005, LogLevel.Warning, "Person {PersonId} may not change roles or the sheet of community {CommunityId}")]
    public static partial void StewardshipRefused(ILogger logger, long personId, long communityId);

    [LoggerMessage(4006, LogLevel.Information, "Community {CommunityId}: role of person {PersonId} changed by {ActorId}")]
    public static partial void RoleChanged(ILogger logger, long communityId, long personId, long actorId);

    [LoggerMessage(4007, LogLevel.Information, "Community {CommunityId} handed over by {FormerCoachId} to {NewCoachId}")]
    public static partial void HandedOver(ILogger logger, long communityId, long formerCoachId, long newCoachId);

    [LoggerMessage(4008, LogLevel.Information, "Community {CommunityId}: sheet edited by {ActorId}")]
    public static partial void SheetEdited(ILogger logger, long communityId, long actorId);

    [LoggerMessage(4009, LogLevel.Information, "Membership {MembershipId} paused")]
    public static partial void Paused(ILogger logger, long membershipId);

    [LoggerMessage(4010, LogLevel.Information, "Membership {MembershipId} back from a pause")]
    public static partial void Resumed(ILogger logger, long membershipId);

    [LoggerMessage(4011, LogLevel.Information, "Membership {MembershipId} left by the member")]
    public static partial void Left(ILogger logger, long membershipId);

    [LoggerMessage(4012, LogLevel.Information, "Reminder plan {PlanId} skipped: its owner is on a pause or left")]
    public static partial void ReminderSkippedForPause(ILogger logger, long planId);

    [LoggerMessage(4031, LogLevel.Information, "Community {CommunityId}: cadence changed by person {PersonId}")]
    public static partial void CadenceChanged(ILogger logger, long communityId, long personId);

    [LoggerMessage(4032, LogLevel.Warning, "Person {PersonId} may not change the cadence of community {CommunityId}")]
    public static partial void CadenceRefused(ILogger logger, long personId, long communityId);
}
