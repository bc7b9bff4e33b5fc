using CommunityBot.Communities;
using CommunityBot.Delivery;

namespace CommunityBot.Sessions;

/// <summary>Tells the community's channel, through the outbox, that a session was planned, moved or cancelled.</summary>
public sealed class SessionAnnouncer(Outbox outbox, ILogger<SessionAnnouncer> logger)
{
    public const string Purpose = "session-announcement";

    /// <summary>One announcement per version of a session (and one for its cancellation): a replayed change sends nothing new.</summary>
    public static string DedupeKey(Session session, SessionChange change) =>
        change == SessionChange.Cancelled ? $"session:{session.Id}:cancelled:announce" : $"session:{session.Id}:v{session.Version}:announce";

    public async Task AnnounceAsync(Community community, Session session, SessionChange change, CancellationToken cancellationToken)
    {
        if (community.ChannelConversationId is not { } channel)
        {
            SessionsLog.NoChannel(logger, community.Id, session.Id);
            return;
        }
        var card = SessionCards.Announcement(community, session, change, community.Language);
        await outbox.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = DedupeKey(session, change),
            TenantId = community.TenantId,
            ConversationRowId = channel,
            Card = card,
            Text = card.FallbackText,
            Purpose = Purpose,
            Priority = DeliveryPriority.Normal,
        }, cancellationToken);
    }
}
