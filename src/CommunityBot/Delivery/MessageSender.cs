using System.Text.Json;
using CommunityBot.Conversations;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Sends one claimed message: finds (or opens) the conversation, waits for a throttle slot, posts or updates the
/// activity, and says what happened. It never changes the outbox row; the dispatcher does.
/// </summary>
public sealed class MessageSender(ConnectorClient connector, DeliveryThrottle throttle, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<MessageSender> logger)
{
    /// <summary>Longer throttle waits hand the row back instead of holding its lease and a parallel slot.</summary>
    private static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(5);

    /// <summary>How soon to look again at a message whose replaced message is not sent yet.</summary>
    private static readonly TimeSpan ReplacedNotYetSentDelay = TimeSpan.FromSeconds(5);

    public async Task<SendOutcome> SendAsync(OutboxMessage message, DeliveryBatch batch, AppDbContext db, CancellationToken ct)
    {
        Conversation? conversation;
        string? updateActivityId = null;
        if (message.ReplacesDedupeKey is { } replacedKey && batch.Replaced.TryGetValue(replacedKey, out var replaced))
        {
            switch (replaced.State)
            {
                case OutboxState.Pending or OutboxState.Sending:
                    return new SendOutcome.Deferred(time.GetUtcNow() + ReplacedNotYetSentDelay);
                case OutboxState.Failed or OutboxState.Unreachable:
                    return new SendOutcome.Failed($"Replaced message {replaced.State}");
            }
            conversation = replaced.SentConversationRowId is { } rowId ? batch.Conversation(rowId) : null;
            if (conversation is null)
            {
                return new SendOutcome.Failed("Replaced message conversation unknown");
            }
            updateActivityId = replaced.ActivityId;
            // Updates of one message sent in parallel could arrive out of order and show an older card: only the newest goes out.
            if (await db.Set<OutboxMessage>().AnyAsync(m => m.ReplacesDedupeKey == replacedKey && m.Id > message.Id, ct))
            {
                return new SendOutcome.Superseded(updateActivityId!, conversation.ConversationId, conversation.Id);
            }
        }
        else if (message.PersonId is { } personId)
        {
            if (batch.IsUnreachable(UnreachableRecipient.KeyFor(null, personId)))
            {
                return new SendOutcome.Unreachable("Recipient unreachable");
            }
            var opened = await PersonalChatAsync(message, personId, batch, db, ct);
            if (opened.Outcome is not null)
            {
                return opened.Outcome;
            }
            conversation = opened.Conversation!;
        }
        else
        {
            conversation = batch.Conversation(message.ConversationRowId!.Value);
            if (conversation is null)
            {
                return new SendOutcome.Failed("Conversation not found");
            }
        }

        if (batch.IsUnreachable(RecipientKey(message, conversation)))
        {
            return new SendOutcome.Unreachable("Recipient unreachable");
        }
        if (!conversation.IsActive)
        {
            return new SendOutcome.Unreachable("Conversation removed");
        }

        if (await WaitForSlotAsync(message.TenantId, conversation.ConversationId, ct) is { } later)
        {
            return later;
        }
        var activity = BuildActivity(message);
        var result = updateActivityId is null
            ? await connector.SendToConversationAsync(conversation.ServiceUrl, conversation.ConversationId, activity, ct)
            : await connector.UpdateActivityAsync(conversation.ServiceUrl, conversation.ConversationId, updateActivityId, activity, ct);
        if (result.IsSuccess)
        {
            return new SendOutcome.Sent(updateActivityId ?? result.Value?.Id ?? "", conversation.ConversationId, conversation.Id);
        }
        // A 404 on an update means the old activity is gone, not the recipient.
        if (updateActivityId is not null && result.Outcome == ConnectorOutcome.NotFound)
        {
            return new SendOutcome.Failed(Error(result));
        }
        return Failure(result, message.TenantId, conversation.ConversationId);
    }

    /// <summary>The person's recipient key when the conversation is their personal chat: blocking the bot there blocks them.</summary>
    public static string RecipientKey(OutboxMessage message, Conversation? conversation) =>
        UnreachableRecipient.KeyFor(message.ConversationRowId, message.PersonId ?? (conversation?.Kind == ConversationKind.Personal ? conversation.PersonId : null));

    private async Task<(Conversation? Conversation, SendOutcome? Outcome)> PersonalChatAsync(
        OutboxMessage message, long personId, DeliveryBatch batch, AppDbContext db, CancellationToken ct)
    {
        if (batch.PersonalChat(personId) is { } existing)
        {
            return (existing, null);
        }
        if (!batch.People.TryGetValue(personId, out var person))
        {
            return (null, new SendOutcome.Failed("Person not found"));
        }
        // Imported people may not have a Teams user id yet; Teams also opens a 1:1 with the Entra object id.
        if ((person.TeamsUserId ?? person.AadObjectId) is not { } memberId)
        {
            return (null, new SendOutcome.Failed("Person has no Teams or Entra id"));
        }
        var (serviceUrl, botId) = batch.TenantEndpoints.TryGetValue(message.TenantId, out var endpoint)
            ? endpoint
            : (options.Value.DefaultServiceUrl, null);

        if (await WaitForSlotAsync(message.TenantId, null, ct) is { } later)
        {
            return (null, later);
        }
        var created = await connector.CreateConversationAsync(serviceUrl, ConversationParameters.OneOnOne(memberId, message.TenantId, botId), ct);
        if (!created.IsSuccess || created.Value is not { Id.Length: > 0 } response)
        {
            return (null, created.IsSuccess ? new SendOutcome.Transient("Empty conversation id") : Failure(created, message.TenantId, $"create:{memberId}"));
        }

        var conversation = await StorePersonalChatAsync(db, message.TenantId, person.Id, response.Id, response.ServiceUrl ?? serviceUrl, botId, ct);
        batch.AddPersonalChat(conversation);
        DeliveryLog.OpenedPersonalChat(logger, conversation.Id, person.Id);
        return (conversation, null);
    }

    /// <summary>Two messages to one person may open the chat at once (Teams returns the same id): insert-or-get keeps one row.</summary>
    private async Task<Conversation> StorePersonalChatAsync(
        AppDbContext db, string tenantId, long personId, string conversationId, string serviceUrl, string? botId, CancellationToken ct)
    {
        await db.InsertOrIgnoreAsync(new Conversation
        {
            TenantId = tenantId,
            ConversationId = conversationId,
            ServiceUrl = serviceUrl,
            Kind = ConversationKind.Personal,
            PersonId = personId,
            BotId = botId,
            InstalledAt = time.GetUtcNow(),
        }, ct);
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.TenantId == tenantId && c.ConversationId == conversationId, ct);
    }

    private async Task<SendOutcome?> WaitForSlotAsync(string tenantId, string? conversationId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var slot = throttle.Reserve(tenantId, conversationId, now, MaxInlineWait);
        if (!slot.Reserved)
        {
            return new SendOutcome.Deferred(slot.At);
        }
        if (slot.At > now)
        {
            await Task.Delay(slot.At - now, time, ct);
            throttle.Started(tenantId, slot.At, time.GetUtcNow());
        }
        return null;
    }

    private SendOutcome Failure<T>(ConnectorResult<T> result, string tenantId, string conversationKey)
    {
        var error = Error(result);
        switch (result.Outcome)
        {
            case ConnectorOutcome.Throttled:
                // Without a Retry-After Teams still wants us to slow down: one second is its documented minimum.
                var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                var now = time.GetUtcNow();
                var tenantWide = throttle.RecordThrottle(tenantId, conversationKey, now, now + retryAfter);
                return new SendOutcome.Throttled(retryAfter, error, tenantWide);
            case ConnectorOutcome.Forbidden or ConnectorOutcome.NotFound:
                return new SendOutcome.Unreachable(error);
            case ConnectorOutcome.Transient:
                return new SendOutcome.Transient(error);
            default:
                return new SendOutcome.Failed(error);
        }
    }

    private static string Error<T>(ConnectorResult<T> result)
    {
        var error = result.Error ?? $"HTTP {(int?)result.StatusCode}";
        return error.Length <= 128 ? error : error[..128];
    }

    private static Activity BuildActivity(OutboxMessage message)
    {
        if (message.CardJson is null)
        {
            return Activity.CreateMessage(message.Text);
        }
        using var card = JsonDocument.Parse(message.CardJson);
        return Activity.CreateCard(new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.RootElement.Clone() }, message.Text);
    }
}
