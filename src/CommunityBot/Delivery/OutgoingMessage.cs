using CommunityBot.Teams.Cards;

namespace CommunityBot.Delivery;

/// <summary>What a feature wants sent. Give a conversation or a person; a card, a text, or both (the text becomes the summary).</summary>
public sealed record OutgoingMessage
{
    /// <summary>Deterministic and unique forever, e.g. <c>reminder:{agreementId}:{offset}</c>: a second enqueue is a no-op.</summary>
    public required string DedupeKey { get; init; }
    public required string TenantId { get; init; }

    /// <summary>A stored <see cref="Conversations.Conversation"/> (channel, group chat or personal chat).</summary>
    public long? ConversationRowId { get; init; }

    /// <summary>A person: the dispatcher uses their personal chat, or opens one (and stores it) when there is none.</summary>
    public long? PersonId { get; init; }

    public AdaptiveCard? Card { get; init; }
    public string? Text { get; init; }

    /// <summary>Update, in place, the activity the message with this key produced instead of posting a new one.</summary>
    public string? ReplacesDedupeKey { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Which of the tenant's waiting messages go first; see <see cref="DeliveryPriority"/>.</summary>
    public DeliveryPriority Priority { get; init; } = DeliveryPriority.Normal;

    /// <summary>For metrics and the admin view: "reminder", "briefing", "digest", ...</summary>
    public string Purpose { get; init; } = "message";
}

/// <summary>Where a delivered message landed in Teams.</summary>
public sealed record DeliveredMessage(string DedupeKey, string ActivityId, string ConversationId, long? ConversationRowId, DateTimeOffset SentAt);
