using CommunityBot.Conversations;
using CommunityBot.Storage;
using CommunityBot.Teams.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Finds the conversation a claimed message goes to: the one the replaced message landed in, the person's personal
/// chat (opened and stored when there is none), or the stored conversation. Knows nothing of sending.
/// </summary>
public sealed class RecipientResolver(PacedConnector connector, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<RecipientResolver> logger)
{
    /// <summary>How soon to look again at a message whose replaced message is not sent yet.</summary>
    private static readonly TimeSpan ReplacedNotYetSentDelay = TimeSpan.FromSeconds(5);

    /// <summary>The person's recipient key when the conversation is their personal chat: blocking the bot there blocks them.</summary>
    public static string RecipientKey(OutboxMessage message, Conversation? conversation) =>
        UnreachableRecipient.KeyFor(message.ConversationRowId, message.PersonId ?? (conversation?.Kind == ConversationKind.Personal ? conversation.PersonId : null));

    public async Task<Recipient> ResolveAsync(OutboxMessage message, DeliveryBatch batch, AppDbContext db, CancellationToken ct)
    {
        var found = message.ReplacesDedupeKey is { } replacedKey && batch.Replaced.TryGetValue(replacedKey, out var replaced)
            ? await ReplacedAsync(message, replaced, batch, db, ct)
            : message.PersonId is { } personId
                ? await PersonalChatAsync(message, personId, batch, db, ct)
                : batch.Conversation(message.ConversationRowId!.Value) is { } conversation
                    ? new Recipient(conversation, null, null)
                    : Recipient.Not(new SendOutcome.Failed("Conversation not found"));
        if (found.Outcome is not null || found.Conversation is not { } target)
        {
            return found;
        }
        if (batch.IsUnreachable(RecipientKey(message, target)))
        {
            return Recipient.Not(new SendOutcome.Unreachable("Recipient unreachable"));
        }
        return target.IsActive ? found : Recipient.Not(new SendOutcome.Unreachable("Conversation removed"));
    }

    private async Task<Recipient> ReplacedAsync(OutboxMessage message, OutboxMessage replaced, DeliveryBatch batch, AppDbContext db, CancellationToken ct)
    {
        switch (replaced.State)
        {
            case OutboxState.Pending or OutboxState.Sending:
                return Recipient.Not(new SendOutcome.Deferred(time.GetUtcNow() + ReplacedNotYetSentDelay));
            case OutboxState.Failed or OutboxState.Unreachable:
                return Recipient.Not(new SendOutcome.Failed($"Replaced message {replaced.State}"));
        }
        if ((replaced.SentConversationRowId is { } rowId ? batch.Conversation(rowId) : null) is not { } conversation)
        {
            return Recipient.Not(new SendOutcome.Failed("Replaced message conversation unknown"));
        }
        // Updates of one message sent in parallel could arrive out of order and show an older card: only the newest goes out.
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.ReplacesDedupeKey == message.ReplacesDedupeKey && m.Id > message.Id, ct))
        {
            return Recipient.Not(new SendOutcome.Superseded(replaced.ActivityId!, conversation.ConversationId, conversation.Id));
        }
        return new Recipient(conversation, replaced.ActivityId, null);
    }

    private async Task<Recipient> PersonalChatAsync(OutboxMessage message, long personId, DeliveryBatch batch, AppDbContext db, CancellationToken ct)
    {
        if (batch.IsUnreachable(UnreachableRecipient.KeyFor(null, personId)))
        {
            return Recipient.Not(new SendOutcome.Unreachable("Recipient unreachable"));
        }
        if (batch.PersonalChat(personId) is { } existing)
        {
            return new Recipient(existing, null, null);
        }
        if (!batch.People.TryGetValue(personId, out var person))
        {
            return Recipient.Not(new SendOutcome.Failed("Person not found"));
        }
        // Imported people may not have a Teams user id yet; Teams also opens a 1:1 with the Entra object id.
        if ((person.TeamsUserId ?? person.AadObjectId) is not { } memberId)
        {
            return Recipient.Not(new SendOutcome.Failed("Person has no Teams or Entra id"));
        }
        var (serviceUrl, botId) = batch.TenantEndpoints.TryGetValue(message.TenantId, out var endpoint)
            ? endpoint
            : (options.Value.DefaultServiceUrl, null);

        var created = await connector.CreateConversationAsync(
            message.TenantId, serviceUrl, ConversationParameters.OneOnOne(memberId, message.TenantId, botId), memberId, ct);
        if (created.Value is not { } response)
        {
            return Recipient.Not(created.Failure!);
        }
        var conversation = await StorePersonalChatAsync(db, message.TenantId, person.Id, response.Id!, response.ServiceUrl ?? serviceUrl, botId, ct);
        batch.AddPersonalChat(conversation);
        DeliveryLog.OpenedPersonalChat(logger, conversation.Id, person.Id);
        return new Recipient(conversation, null, null);
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
}
