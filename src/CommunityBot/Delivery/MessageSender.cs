using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Delivery;

/// <summary>
/// Sends one claimed message: resolves its recipient, posts or updates the activity at Teams' pace, and says what
/// happened. It never changes the outbox row; <see cref="DeliveryResults"/> does.
/// </summary>
public sealed class MessageSender(RecipientResolver recipients, PacedConnector connector)
{
    public async Task<SendOutcome> SendAsync(OutboxMessage message, DeliveryBatch batch, AppDbContext db, CancellationToken ct)
    {
        var recipient = await recipients.ResolveAsync(message, batch, db, ct);
        if (recipient.Outcome is { } notNow)
        {
            return notNow;
        }
        var conversation = recipient.Conversation!;
        var sent = await connector.SendAsync(message.TenantId, conversation.ServiceUrl, conversation.ConversationId, BuildActivity(message), recipient.UpdateActivityId, ct);
        return sent.Value is { } response
            ? new SendOutcome.Sent(recipient.UpdateActivityId ?? response.Id ?? "", conversation.ConversationId, conversation.Id)
            : sent.Failure!;
    }

    /// <summary>The stored card goes on the wire as the element read from the row: no parse or serialise in between.</summary>
    private static Activity BuildActivity(OutboxMessage message) =>
        message.Card is { } card
            ? Activity.CreateCard(new Attachment { ContentType = AdaptiveCard.ContentType, Content = card }, message.Text)
            : Activity.CreateMessage(message.Text);
}
