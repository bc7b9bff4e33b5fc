using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Teams' rate limits kept on this side, so that sends are paced rather than answered with 429: per conversation
/// sliding windows, and an even pace per tenant. Callers reserve a slot and wait until it; a slot too far away is
/// not reserved, the row goes back to the outbox instead of holding its lease. Times are those of the caller's clock.
/// </summary>
public sealed class DeliveryThrottle(IOptions<DeliveryOptions> options)
{
    /// <summary>Teams' per-bot, per-conversation limits. A small margin absorbs network jitter between instants here and at Teams.</summary>
    private static readonly (TimeSpan Window, int Limit)[] ConversationLimits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A tenant slot nobody used in time may still be taken this late, so that a moment of slowness here (a claim, a
    /// GC pause) is made up instead of lost; small enough that no one-second window gains more than 2% over the pace.
    /// </summary>
    private static readonly TimeSpan TenantCatchUp = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1) + WindowMargin;
    private const int PruneEvery = 4096;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ConversationState> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TenantState> tenants = new(StringComparer.Ordinal);
    private int reservations;

    private TimeSpan TenantInterval => TimeSpan.FromSeconds(1 / options.Value.TenantRequestsPerSecond);

    /// <summary>
    /// The earliest instant a request to <paramref name="conversationId"/> (null: a tenant-wide call such as opening a
    /// chat) may go. Reserved only when it is at most <paramref name="maxWait"/> away.
    /// </summary>
    public ThrottleSlot Reserve(string tenantId, string? conversationId, DateTimeOffset now, TimeSpan maxWait)
    {
        lock (gate)
        {
            var tenant = GetOrAdd(tenants, tenantId, _ => new TenantState());
            var conversation = conversationId is null ? null : GetOrAdd(conversations, conversationId, _ => new ConversationState());
            var at = Max(now - TenantCatchUp, Max(tenant.NextSlot, tenant.PausedUntil));
            at = conversation is null ? at : Max(at, conversation.EarliestNext());
            if (at - now > maxWait)
            {
                return new ThrottleSlot(false, at);
            }

            tenant.NextSlot = at + TenantInterval;
            at = Max(at, now);
            conversation?.Add(at);
            if (++reservations % PruneEvery == 0)
            {
                Prune(now);
            }
            return new ThrottleSlot(true, at);
        }
    }

    /// <summary>
    /// Records a 429 and says whether it looks tenant-wide: Teams does not say which limit was hit, but when
    /// several conversations of a tenant are throttled within one second, it is the tenant's.
    /// </summary>
    public bool RecordThrottle(string tenantId, string conversationId, DateTimeOffset now, DateTimeOffset until)
    {
        lock (gate)
        {
            PauseConversationLocked(conversationId, until);
            var tenant = GetOrAdd(tenants, tenantId, _ => new TenantState());
            var isTenantWide = tenant.LastThrottleAt is { } last && now - last < TimeSpan.FromSeconds(1) && tenant.LastThrottledConversation != conversationId;
            tenant.LastThrottleAt = now;
            tenant.LastThrottledConversation = conversationId;
            if (isTenantWide)
            {
                tenant.PausedUntil = Max(tenant.PausedUntil, until);
            }
            return isTenantWide;
        }
    }

    private void PauseConversationLocked(string conversationId, DateTimeOffset until)
    {
        var conversation = GetOrAdd(conversations, conversationId, _ => new ConversationState());
        conversation.PausedUntil = Max(conversation.PausedUntil, until);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, state) in conversations)
        {
            if (state.IsIdleSince(now - LongestWindow))
            {
                conversations.Remove(id);
            }
        }
    }

    private static TValue GetOrAdd<TValue>(Dictionary<string, TValue> map, string key, Func<string, TValue> create)
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = create(key);
            map.Add(key, value);
        }
        return value;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class TenantState
    {
        public DateTimeOffset NextSlot { get; set; }
        public DateTimeOffset PausedUntil { get; set; }
        public DateTimeOffset? LastThrottleAt { get; set; }
        public string? LastThrottledConversation { get; set; }
    }

    /// <summary>Reserved send instants in increasing order (slots are never reserved before the last one).</summary>
    private sealed class ConversationState
    {
        private readonly Queue<DateTimeOffset> sent = new();
        private DateTimeOffset last = DateTimeOffset.MinValue;

        public DateTimeOffset PausedUntil { get; set; }

        public void Add(DateTimeOffset at)
        {
            sent.Enqueue(at);
            last = at;
        }

        public DateTimeOffset EarliestNext()
        {
            while (sent.Count > 0 && sent.Peek() < last - LongestWindow)
            {
                sent.Dequeue();
            }
            var earliest = Max(PausedUntil, last);
            var recent = sent.ToArray();
            foreach (var (window, limit) in ConversationLimits)
            {
                // A send at t keeps every window (t - w, t] under its limit when the limit-th most recent send is at or before t - w.
                if (recent.Length >= limit)
                {
                    earliest = Max(earliest, recent[^limit] + window + WindowMargin);
                }
            }
            return earliest;
        }

        public bool IsIdleSince(DateTimeOffset cutoff) => PausedUntil < cutoff && last < cutoff;
    }
}

/// <summary>When a request may go; <see cref="Reserved"/> false means the caller should come back at <see cref="At"/>.</summary>
public readonly record struct ThrottleSlot(bool Reserved, DateTimeOffset At);
