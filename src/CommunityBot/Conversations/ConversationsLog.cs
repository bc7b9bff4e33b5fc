using CommunityBot.Teams.Connector;

namespace CommunityBot.Conversations;

internal static partial class ConversationsLog
{
    [LoggerMessage(2101, LogLevel.Information, "Installed in conversation {ConversationRowId} ({Kind}); welcome {Outcome}")]
    public static partial void Installed(ILogger logger, long conversationRowId, ConversationKind kind, ConnectorOutcome outcome);

    [LoggerMessage(2102, LogLevel.Information, "Uninstalled from conversation {ConversationRowId}")]
    public static partial void Uninstalled(ILogger logger, long conversationRowId);
}
