using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Teams' rate limits kept on this side, so that sends are paced rather than answered with 429: per conversation
/// sliding windows, and per tenant an even pace capped by a sliding window. Callers reserve a slot and wait until it;
/// a slot too far away is not reserved, the row goes back to the outbox instead of holding its lease. Times are those
/// of the caller's clock.
/// </summary>
public sealed class DeliveryThrottle(IOptions<DeliveryOptions> options)
{
    /// <summary>Declared before the limits that add it: static fields are initialised in order.</summary>
    private static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>Teams' per-bot, per-conversation limits. A small margin absorbs network jitter between instants here and at Teams.</summary>
    private static readonly (TimeSpan Window, int Limit)[] ConversationLimits =
    [
        (TimeSpan.FromSeconds(1) + WindowMargin, 7),
        (TimeSpan.FromSeconds(2) + WindowMargin, 8),
        (TimeSpan.FromSeconds(30) + WindowMargin, 60),
        (TimeSpan.FromHours(1) + WindowMargin, 1800),
    ];

    /// <summary>
    /// A tenant slot nobody used in time may still be taken this late, so that a moment of slowness here (a claim, a
    /// GC pause) is made up instead of lost; the tenant window keeps such catching up from overfilling any second.
    /// </summary>
    private static readonly TimeSpan TenantCatchUp = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Widens the tenant window as <see cref="WindowMargin"/> does the conversation ones: a send that leaves here a
    /// little late, or arrives faster than the one before it, must not put one request too many into Teams' second.
    /// Costs 2% of the pace; the per-conversation margin would cost 10% of the tenant's.
    /// </summary>
    private static readonly TimeSpan TenantWindowMargin = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1) + WindowMargin;

    /// <summary>A first call that never got an answer (its sender stopped, or was sent back to the outbox) holds the others no longer.</summary>
    private static readonly TimeSpan FirstCallTimeout = TimeSpan.FromSeconds(5);
    private const int PruneEvery = 4096;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ConversationState> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TenantState> tenants = new(StringComparer.Ordinal);
    private int reservations;
    private TimeSpan? quickestAnswer;
    private DateTimeOffset? firstCallSince;

    private TimeSpan TenantInterval => TimeSpan.FromSeconds(1 / options.Value.TenantRequestsPerSecond);

    /// <summary>
    /// Teams counts a tenant's requests in one-second windows: at most the whole number of requests the pace allows
    /// in a second (at least one, in the window that pace needs for it), plus the margin.
    /// </summary>
    private (TimeSpan Window, int Limit)[] TenantLimit()
    {
        var rate = options.Value.TenantRequestsPerSecond;
        var limit = Math.Max(1, (int)Math.Floor(rate));
        return [(TimeSpan.FromSeconds(limit / rate) + TenantWindowMargin, limit)];
    }

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
            var tenantLimit = TenantLimit();
            tenant.Sent.Forget(now - TenantCatchUp - tenantLimit[0].Window);
            var at = Max(now - TenantCatchUp, Max(tenant.NextSlot, tenant.PausedUntil));
            at = Max(at, tenant.Sent.EarliestNext(tenantLimit));
            at = conversation is null ? at : Max(at, conversation.EarliestNext());
            if (at - now > maxWait)
            {
                return new ThrottleSlot(false, at);
            }

            tenant.NextSlot = at + TenantInterval;
            at = Max(at, now);
            tenant.Sent.Add(at);
            conversation?.Add(at);
            if (++reservations % PruneEvery == 0)
            {
                Prune(now);
            }
            return new ThrottleSlot(true, at);
        }
    }

    /// <summary>
    /// With a shared tenant budget (<see cref="SharedTenantBudget"/>): the earliest instant the conversation's limits
    /// and a tenant-wide 429 allow a request, not reserved.
    /// </summary>
    public DateTimeOffset ReadyAt(string tenantId, string? conversationId, DateTimeOffset now)
    {
        lock (gate)
        {
            var at = Max(now, tenants.TryGetValue(tenantId, out var tenant) ? tenant.PausedUntil : now);
            return conversationId is not null && conversations.TryGetValue(conversationId, out var conversation)
                ? Max(at, conversation.EarliestNext())
                : at;
        }
    }

    /// <summary>With a shared tenant budget: records a request to the conversation at a tenant slot its limits allow.</summary>
    public bool TryReserveConversation(string? conversationId, DateTimeOffset at)
    {
        if (conversationId is null)
        {
            return true;
        }
        lock (gate)
        {
            var conversation = GetOrAdd(conversations, conversationId, _ => new ConversationState());
            if (conversation.EarliestNext() > at)
            {
                return false;
            }
            conversation.Add(at);
            if (++reservations % PruneEvery == 0)
            {
                Prune(at);
            }
            return true;
        }
    }

    /// <summary>
    /// The instant a request reserved for <paramref name="reservedAt"/> may really leave, now that its sender is awake:
    /// the tenant window is checked again against the instants requests actually left, and the reservation moves there.
    /// Slots are planned up to seconds ahead; a sender woken late (GC, a busy thread pool, start-up) would otherwise
    /// send the stall's requests at once on top of slots planned from the old instants, and Teams answers 429.
    /// </summary>
    public DateTimeOffset Depart(string tenantId, DateTimeOffset reservedAt, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!tenants.TryGetValue(tenantId, out var tenant))
            {
                return now;
            }
            var (window, limit) = TenantLimit()[0];
            return tenant.Sent.Depart(reservedAt, now, window, limit);
        }
    }

    /// <summary>
    /// Until this process's first call to Teams is answered, no other call goes: null when the caller may go (the first
    /// caller makes the first call), else when to ask again. The send path is cold then (JIT, the first
    /// connection): a run's first requests were held up on the way by about 200 ms, then reached Teams bunched with each
    /// other and with the requests after them, and one second had 51–53 requests. The first call alone takes that
    /// delay; the others take their slots after it, on a warm path, once.
    /// </summary>
    public DateTimeOffset? WaitForFirstAnswer(DateTimeOffset now)
    {
        lock (gate)
        {
            if (quickestAnswer is not null)
            {
                return null;
            }
            if (firstCallSince is { } since && now - since < FirstCallTimeout)
            {
                return now + TenantInterval;
            }
            firstCallSince = now;
            return null;
        }
    }

    /// <summary>
    /// A request answered much later than the quickest answers so far may have reached Teams that much later than it
    /// left (held up on the way: this process's HTTP stack at start-up, the network, Teams' front door), bunched with
    /// the requests after it. It then counts from the latest instant it can have arrived, so that the requests after
    /// it keep Teams' window (<see cref="Depart"/>). Before any answer, a request counts from its own answer.
    /// </summary>
    public void Answered(string tenantId, DateTimeOffset left, DateTimeOffset answeredAt)
    {
        lock (gate)
        {
            var arrivedBy = answeredAt - (quickestAnswer ?? TimeSpan.Zero);
            var roundTrip = answeredAt - left;
            quickestAnswer = quickestAnswer is { } quickest && quickest < roundTrip ? quickest : roundTrip;
            if (arrivedBy - left > TenantWindowMargin && tenants.TryGetValue(tenantId, out var tenant))
            {
                tenant.Sent.Move(left, arrivedBy);
            }
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
        public SendLog Sent { get; } = new();
        public DateTimeOffset NextSlot { get; set; }
        public DateTimeOffset PausedUntil { get; set; }
        public DateTimeOffset? LastThrottleAt { get; set; }
        public string? LastThrottledConversation { get; set; }
    }

    private sealed class ConversationState
    {
        private readonly SendLog sent = new();

        public DateTimeOffset PausedUntil { get; set; }

        public void Add(DateTimeOffset at) => sent.Add(at);

        public DateTimeOffset EarliestNext()
        {
            if (sent.Last > DateTimeOffset.MinValue + LongestWindow)
            {
                sent.Forget(sent.Last - LongestWindow);
            }
            return Max(Max(PausedUntil, sent.Last), sent.EarliestNext(ConversationLimits));
        }

        public bool IsIdleSince(DateTimeOffset cutoff) => PausedUntil < cutoff && sent.Last < cutoff;
    }

    /// <summary>Send instants in increasing order.</summary>
    private sealed class SendLog
    {
        private readonly List<DateTimeOffset> sent = [];
        private int first;

        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>Keeps the order: a departure moved later (<see cref="Depart"/>) may lie after a new reservation.</summary>
        public void Add(DateTimeOffset at)
        {
            if (at >= Last)
            {
                sent.Add(at);
                Last = at;
            }
            else
            {
                sent.Insert(UpperBound(at), at);
            }
        }

        /// <summary>Moves one instant later, keeping the order; nothing when it was forgotten already.</summary>
        public void Move(DateTimeOffset from, DateTimeOffset to)
        {
            var index = sent.LastIndexOf(from);
            if (index < first)
            {
                return;
            }
            sent.RemoveAt(index);
            sent.Insert(UpperBound(to), to);
            Last = sent[^1];
        }

        /// <summary>
        /// Moves the instant <paramref name="from"/> to the earliest one at or after <paramref name="now"/> where at most
        /// <paramref name="limit"/> instants up to it fall in any <paramref name="window"/>, counting only those not
        /// after now (later ones check again when they leave).
        /// </summary>
        public DateTimeOffset Depart(DateTimeOffset from, DateTimeOffset now, TimeSpan window, int limit)
        {
            var index = sent.LastIndexOf(from);
            if (index >= first)
            {
                sent.RemoveAt(index);
            }
            var upTo = UpperBound(now);
            var at = upTo - first >= limit && sent[upTo - limit] + window > now ? sent[upTo - limit] + window : now;
            sent.Insert(UpperBound(at), at);
            Last = sent[^1];
            return at;
        }

        /// <summary>The index after the last instant at or before <paramref name="at"/>.</summary>
        private int UpperBound(DateTimeOffset at)
        {
            int low = first, high = sent.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (sent[middle] <= at)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }

        /// <summary>Drops the instants before <paramref name="cutoff"/>, compacting once they are half the list.</summary>
        public void Forget(DateTimeOffset cutoff)
        {
            while (first < sent.Count && sent[first] < cutoff)
            {
                first++;
            }
            if (first > sent.Count / 2)
            {
                sent.RemoveRange(0, first);
                first = 0;
            }
        }

        /// <summary>
        /// A send at t keeps every window (t - w, t] under its limit when the limit-th most recent send is at or
        /// before t - w.
        /// </summary>
        public DateTimeOffset EarliestNext(ReadOnlySpan<(TimeSpan Window, int Limit)> limits)
        {
            var earliest = DateTimeOffset.MinValue;
            foreach (var (window, limit) in limits)
            {
                if (sent.Count - first >= limit)
                {
                    earliest = Max(earliest, sent[^limit] + window);
                }
            }
            return earliest;
        }
    }
}

/// <summary>When a request may go; <see cref="Reserved"/> false means the caller should come back at <see cref="At"/>.</summary>
public readonly record struct ThrottleSlot(bool Reserved, DateTimeOffset At);
