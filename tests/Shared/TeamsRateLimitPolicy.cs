namespace CommunityBot.Testing;

/// <summary>
/// Teams' documented limits for a bot: per conversation 7 per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour, and
/// per app per tenant <see cref="TenantRequestsPerSecond"/>. A request over any limit gets 429 with Retry-After (whole
/// seconds, as Teams sends it); only accepted requests count. <see cref="TimeScale"/> shrinks every window (0.1: ten
/// times faster) so that load tests need not run for hours.
/// </summary>
public sealed class TeamsRateLimitPolicy : IFakeConnectorPolicy
{
    private static readonly (TimeSpan Window, int Limit)[] ConversationLimits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private readonly Dictionary<string, Queue<DateTimeOffset>> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> tenants = new(StringComparer.Ordinal);

    public int TenantRequestsPerSecond { get; init; } = 50;
    public double TimeScale { get; init; } = 1;

    /// <summary>How many requests this policy answered with 429 (read under no lock: a snapshot).</summary>
    public int Throttled { get; private set; }

    public FakeConnectorDecision? Decide(FakeConnectorRequest request)
    {
        if (request.Operation is FakeConnectorOperation.Token or FakeConnectorOperation.Unknown)
        {
            return null;
        }
        var now = request.ReceivedAt;
        var tenant = Log(tenants, request.TenantId ?? FakeTeamsConnector.DefaultTenantId);
        var conversation = request.ConversationId is { } id && request.Operation != FakeConnectorOperation.CreateConversation
            ? Log(conversations, id)
            : null;

        var retryAt = EarliestAllowed(tenant, now, Scaled(TimeSpan.FromSeconds(1)), TenantRequestsPerSecond);
        if (conversation is not null)
        {
            foreach (var (window, limit) in ConversationLimits)
            {
                var at = EarliestAllowed(conversation, now, Scaled(window), limit);
                retryAt = at > retryAt ? at : retryAt;
            }
        }
        if (retryAt > now)
        {
            Throttled++;
            return FakeConnectorDecision.Throttle(retryAt - now);
        }
        tenant.Enqueue(now);
        conversation?.Enqueue(now);
        Trim(tenant, now - Scaled(TimeSpan.FromSeconds(1)));
        if (conversation is not null)
        {
            Trim(conversation, now - Scaled(TimeSpan.FromHours(1)));
        }
        return null;
    }

    private TimeSpan Scaled(TimeSpan window) => window * TimeScale;

    /// <summary>Counting the window (now - w, now]: a request is allowed when fewer than limit are in it.</summary>
    private static DateTimeOffset EarliestAllowed(Queue<DateTimeOffset> log, DateTimeOffset now, TimeSpan window, int limit)
    {
        var inWindow = log.Where(t => t > now - window).ToList();
        return inWindow.Count < limit ? now : inWindow[^limit] + window;
    }

    private static void Trim(Queue<DateTimeOffset> log, DateTimeOffset cutoff)
    {
        while (log.Count > 0 && log.Peek() <= cutoff)
        {
            log.Dequeue();
        }
    }

    private static Queue<DateTimeOffset> Log(Dictionary<string, Queue<DateTimeOffset>> logs, string key)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new Queue<DateTimeOffset>();
            logs.Add(key, log);
        }
        return log;
    }
}
