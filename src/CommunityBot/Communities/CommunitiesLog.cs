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

    [LoggerMessage(4031, LogLevel.Information, "Community {CommunityId}: cadence changed by person {PersonId}")]
    public static partial void CadenceChanged(ILogger logger, long communityId, long personId);

    [LoggerMessage(4032, LogLevel.Warning, "Person {PersonId} may not change the cadence of community {CommunityId}")]
    public static partial void CadenceRefused(ILogger logger, long personId, long communityId);
}
