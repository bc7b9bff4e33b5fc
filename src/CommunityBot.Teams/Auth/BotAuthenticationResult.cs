using System.Security.Claims;

namespace CommunityBot.Teams.Auth;

public enum BotAuthenticationStatus
{
    Authenticated,
    /// <summary>No usable bearer JWT in the request: the endpoint answers 401.</summary>
    MissingOrMalformed,
    /// <summary>A JWT that fails validation: the endpoint answers 403.</summary>
    Invalid,
    /// <summary>A well-formed token whose signing keys cannot be fetched now: the endpoint answers 503 with Retry-After.</summary>
    KeysUnavailable,
    /// <summary>The body is not an activity, so the token's claims cannot be compared with it: the endpoint answers 400.</summary>
    MalformedActivity,
    /// <summary>The body is larger than the endpoint accepts (1 MB), chunked or not: the endpoint answers 413.</summary>
    TooLarge,
}

/// <summary>The outcome of checking one inbound request. <see cref="Reason"/> is for logs: fixed texts and ids, never token contents.</summary>
public sealed record BotAuthenticationResult(BotAuthenticationStatus Status, ClaimsIdentity? Identity, string? Reason, TimeSpan? RetryAfter = null)
{
    public bool IsAuthenticated => Status == BotAuthenticationStatus.Authenticated;

    internal static BotAuthenticationResult Authenticated(ClaimsIdentity identity) => new(BotAuthenticationStatus.Authenticated, identity, null);

    internal static BotAuthenticationResult MissingOrMalformed(string reason) => new(BotAuthenticationStatus.MissingOrMalformed, null, reason);

    internal static BotAuthenticationResult Invalid(string reason) => new(BotAuthenticationStatus.Invalid, null, reason);

    internal static BotAuthenticationResult KeysUnavailable(TimeSpan retryAfter) =>
        new(BotAuthenticationStatus.KeysUnavailable, null, "Signing keys are unavailable", retryAfter);

    internal static BotAuthenticationResult TooLarge() => new(BotAuthenticationStatus.TooLarge, null, "The body is larger than 1 MB");

    internal static BotAuthenticationResult MalformedActivity() => new(BotAuthenticationStatus.MalformedActivity, null, "The body is not an activity");
}
