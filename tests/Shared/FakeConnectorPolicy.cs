using System.Globalization;
using System.Net;

namespace CommunityBot.Testing;

/// <summary>
/// Decides, before the fake connector handles a request like Teams would, whether to answer differently (a fault,
/// a throttle) or later (latency). Policies run in order under the fake's lock, so they need no locking of their own;
/// the first one that returns a decision wins. A Teams rate-limit policy slots in here.
/// </summary>
public interface IFakeConnectorPolicy
{
    FakeConnectorDecision? Decide(FakeConnectorRequest request);
}

/// <summary>How to answer one request: a status of its own, a delay before answering, or both.</summary>
public sealed record FakeConnectorDecision
{
    /// <summary>The status to answer with; null answers as Teams normally would (after <see cref="Delay"/>).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>The raw Retry-After header value: delta seconds or an HTTP date.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>The code in the error body; a generic message is always added so tests can check it is not leaked.</summary>
    public string? ErrorCode { get; init; }

    public static FakeConnectorDecision Fail(HttpStatusCode status, string? errorCode = null) =>
        new() { StatusCode = status, ErrorCode = errorCode ?? DefaultErrorCode(status) };

    public static FakeConnectorDecision Throttle(TimeSpan retryAfter) => new()
    {
        StatusCode = HttpStatusCode.TooManyRequests,
        RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        ErrorCode = "TooManyRequests",
    };

    public static FakeConnectorDecision ThrottleUntil(DateTimeOffset until) => new()
    {
        StatusCode = HttpStatusCode.TooManyRequests,
        RetryAfter = until.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture),
        ErrorCode = "TooManyRequests",
    };

    public static FakeConnectorDecision Latency(TimeSpan delay) => new() { Delay = delay };

    /// <summary>Codes Teams uses for these statuses.</summary>
    public static string DefaultErrorCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "BadSyntax",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "ConversationBlockedByUser",
        HttpStatusCode.NotFound => "ConversationNotFound",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.PreconditionFailed => "PreconditionFailed",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        _ => "InternalServerError",
    };
}

/// <summary>"Answer the next N requests (to this conversation) like this": the fake's built-in, first policy.</summary>
public sealed class ScriptedResponsesPolicy : IFakeConnectorPolicy
{
    private readonly List<Rule> rules = [];

    public void Add(int count, FakeConnectorDecision decision, string? conversationId, FakeConnectorOperation? operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        rules.Add(new Rule(decision, conversationId, operation) { Remaining = count });
    }

    public FakeConnectorDecision? Decide(FakeConnectorRequest request)
    {
        foreach (var rule in rules)
        {
            if (rule.Remaining > 0 && rule.Matches(request))
            {
                rule.Remaining--;
                return rule.Decision;
            }
        }
        return null;
    }

    private sealed record Rule(FakeConnectorDecision Decision, string? ConversationId, FakeConnectorOperation? Operation)
    {
        public int Remaining { get; set; }

        /// <summary>Token requests are only scripted when asked for by name, so connector faults never break sign-in.</summary>
        public bool Matches(FakeConnectorRequest request) =>
            (Operation is null ? request.Operation != FakeConnectorOperation.Token : request.Operation == Operation)
            && (ConversationId is null || ConversationId == request.ConversationId);
    }
}
