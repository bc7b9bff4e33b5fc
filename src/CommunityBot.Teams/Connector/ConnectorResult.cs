using System.Net;

namespace CommunityBot.Teams.Connector;

public enum ConnectorOutcome
{
    Success,
    /// <summary>429: Teams asks us to slow down; <see cref="ConnectorResult{T}.RetryAfter"/> says for how long.</summary>
    Throttled,
    /// <summary>403: the bot was blocked, uninstalled or is not allowed in this conversation.</summary>
    Forbidden,
    /// <summary>404: the conversation or user no longer exists.</summary>
    NotFound,
    /// <summary>412, 5xx, timeouts and network faults: worth retrying with back-off.</summary>
    Transient,
    /// <summary>Any other 4xx: the request itself is wrong, retrying will not help.</summary>
    Rejected,
}

/// <summary>The outcome of one connector call: expected failures are values, not exceptions.</summary>
public sealed record ConnectorResult<T>
{
    public required ConnectorOutcome Outcome { get; init; }
    public T? Value { get; init; }
    public HttpStatusCode? StatusCode { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public string? Error { get; init; }

    public bool IsSuccess => Outcome == ConnectorOutcome.Success;

    public static ConnectorResult<T> Ok(T value) => new() { Outcome = ConnectorOutcome.Success, Value = value, StatusCode = HttpStatusCode.OK };

    public ConnectorResult<TOther> WithoutValue<TOther>() => new()
    {
        Outcome = Outcome,
        StatusCode = StatusCode,
        RetryAfter = RetryAfter,
        Error = Error,
    };

    public override string ToString() => $"{Outcome} ({(int?)StatusCode}){(Error is null ? "" : ": " + Error)}";
}
