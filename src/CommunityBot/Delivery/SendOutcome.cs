namespace CommunityBot.Delivery;

/// <summary>What happened to one claimed message; the dispatcher turns it into the row's next state.</summary>
public abstract record SendOutcome
{
    public sealed record Sent(string ActivityId, string ConversationId, long ConversationRowId) : SendOutcome;

    /// <summary>A newer update of the same Teams message is queued: this older one is not sent, so it cannot overwrite it.</summary>
    public sealed record Superseded(string ActivityId, string ConversationId, long ConversationRowId) : SendOutcome;

    /// <summary>Not attempted now (throttle slot too far away, the replaced message not sent yet): back to Pending, no attempt used.</summary>
    public sealed record Deferred(DateTimeOffset Until) : SendOutcome;

    /// <summary>429: back to Pending for exactly Retry-After; throttling uses no attempt.</summary>
    public sealed record Throttled(TimeSpan RetryAfter, string Error, bool TenantWide) : SendOutcome;

    /// <summary>409, 412, 5xx, network: back-off with jitter, or Failed after the last attempt.</summary>
    public sealed record Transient(string Error) : SendOutcome;

    /// <summary>401: our credentials are wrong. Back to Pending with no attempt used; delivery pauses and alerts.</summary>
    public sealed record CredentialsRejected(string Error) : SendOutcome;

    public sealed record Unreachable(string Reason) : SendOutcome;

    public sealed record Failed(string Reason) : SendOutcome;
}
