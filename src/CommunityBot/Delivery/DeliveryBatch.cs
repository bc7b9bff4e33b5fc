using System.Collections.Concurrent;
using CommunityBot.Conversations;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Delivery;

/// <summary>
/// Everything the claimed rows refer to, read in a few queries before the parallel sends start (a DbContext is not
/// thread-safe, and one query per message would cost more than the send). Updated as sends learn more.
/// </summary>
public sealed class DeliveryBatch
{
    private readonly ConcurrentDictionary<long, Conversation> conversations;
    private readonly ConcurrentDictionary<long, Conversation> personalChats;
    private readonly ConcurrentDictionary<string, bool> unreachable;

    private DeliveryBatch(
        IReadOnlyList<OutboxMessage> messages,
        IEnumerable<Conversation> conversations,
        IEnumerable<Conversation> personalChats,
        IReadOnlyDictionary<long, Person> people,
        IReadOnlyDictionary<string, OutboxMessage> replaced,
        IReadOnlyDictionary<string, (string ServiceUrl, string? BotId)> tenantEndpoints,
        IEnumerable<string> unreachableKeys)
    {
        Messages = messages;
        this.conversations = new(conversations.Select(c => KeyValuePair.Create(c.Id, c)));
        this.personalChats = new(personalChats.Where(c => c.PersonId is not null).GroupBy(c => c.PersonId!.Value)
            .Select(g => KeyValuePair.Create(g.Key, g.OrderByDescending(c => c.InstalledAt).First())));
        People = people;
        Replaced = replaced;
        TenantEndpoints = tenantEndpoints;
        unreachable = new(unreachableKeys.Select(k => KeyValuePair.Create(k, true)), StringComparer.Ordinal);
    }

    public IReadOnlyList<OutboxMessage> Messages { get; }
    public IReadOnlyDictionary<long, Person> People { get; }

    /// <summary>The earlier messages that <see cref="OutboxMessage.ReplacesDedupeKey"/> points at, by dedupe key.</summary>
    public IReadOnlyDictionary<string, OutboxMessage> Replaced { get; }

    /// <summary>Per tenant, a service URL and bot id seen on one of its conversations: needed to open a 1:1 chat.</summary>
    public IReadOnlyDictionary<string, (string ServiceUrl, string? BotId)> TenantEndpoints { get; }

    public Conversation? Conversation(long rowId) => conversations.GetValueOrDefault(rowId);

    public Conversation? PersonalChat(long personId) => personalChats.GetValueOrDefault(personId);

    public void AddPersonalChat(Conversation conversation)
    {
        conversations[conversation.Id] = conversation;
        personalChats[conversation.PersonId!.Value] = conversation;
    }

    public bool IsUnreachable(string recipientKey) => unreachable.ContainsKey(recipientKey);

    public void MarkUnreachable(string recipientKey) => unreachable[recipientKey] = true;

    /// <summary>Interactive first, then normal, then bulk; within each, the tenants' messages take turns (as claimed).</summary>
    private static List<OutboxMessage> InSendingOrder(List<OutboxMessage> messages) =>
        [.. messages.GroupBy(m => (m.TenantId, m.Priority))
            .SelectMany(g => g.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select((m, turn) => (Message: m, Turn: turn)))
            .OrderBy(x => x.Message.Priority).ThenBy(x => x.Turn).ThenBy(x => x.Message.Id)
            .Select(x => x.Message)];

    public static async Task<DeliveryBatch> LoadAsync(AppDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var messages = InSendingOrder(await db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct));
        var replacedKeys = messages.Where(m => m.ReplacesDedupeKey is not null).Select(m => m.ReplacesDedupeKey!).Distinct().ToList();
        var replaced = replacedKeys.Count == 0
            ? []
            : await db.Set<OutboxMessage>().AsNoTracking().Where(m => replacedKeys.Contains(m.DedupeKey)).ToListAsync(ct);

        var conversationIds = messages.Select(m => m.ConversationRowId)
            .Concat(replaced.Select(m => m.SentConversationRowId))
            .OfType<long>().Distinct().ToList();
        var personIds = messages.Select(m => m.PersonId).OfType<long>().Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => conversationIds.Contains(c.Id)).ToListAsync(ct);
        var personalChats = personIds.Count == 0
            ? []
            : await db.Conversations.AsNoTracking()
                .Where(c => c.PersonId != null && personIds.Contains(c.PersonId.Value) && c.Kind == ConversationKind.Personal && c.RemovedAt == null)
                .ToListAsync(ct);
        var people = personIds.Count == 0
            ? []
            : await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        var tenantsNeedingEndpoint = messages.Where(m => m.PersonId is { } p && !personalChats.Any(c => c.PersonId == p))
            .Select(m => m.TenantId).Distinct().ToList();
        var endpoints = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var tenantId in tenantsNeedingEndpoint)
        {
            var known = await db.Conversations.AsNoTracking().Where(c => c.TenantId == tenantId)
                .OrderByDescending(c => c.Id).Select(c => new { c.ServiceUrl, c.BotId }).FirstOrDefaultAsync(ct);
            if (known is not null)
            {
                endpoints[tenantId] = (known.ServiceUrl, known.BotId);
            }
        }

        var keys = messages.Select(m => UnreachableRecipient.KeyFor(m.ConversationRowId, m.PersonId))
            .Concat(conversations.Where(c => c.PersonId is not null).Select(c => UnreachableRecipient.KeyFor(null, c.PersonId)))
            .Distinct().ToList();
        var unreachableKeys = await db.Set<UnreachableRecipient>().AsNoTracking()
            .Where(r => keys.Contains(r.RecipientKey)).Select(r => r.RecipientKey).ToListAsync(ct);

        return new DeliveryBatch(messages, conversations, personalChats, people,
            replaced.ToDictionary(m => m.DedupeKey, StringComparer.Ordinal), endpoints, unreachableKeys);
    }
}
