using System.Net;
using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Connector;

/// <summary>Turns a Bot Connector HTTP response into a <see cref="ConnectorResult{T}"/>.</summary>
internal static class ConnectorResponseReader
{
    private const int MaxErrorCodeLength = 80;

    public static async Task<ConnectorResult<T>> ReadAsync<T>(HttpResponseMessage response, TimeProvider time, CancellationToken ct)
        where T : class, new()
    {
        var status = response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return new ConnectorResult<T> { Outcome = ConnectorOutcome.Success, StatusCode = status, Value = ParseValue<T>(body) };
        }

        var code = ReadErrorCode(body);
        return new ConnectorResult<T>
        {
            Outcome = OutcomeOf(status),
            StatusCode = status,
            RetryAfter = RetryAfter(response, time),
            Error = code is null ? $"HTTP {(int)status}" : $"HTTP {(int)status} {code}",
        };
    }

    public static ConnectorOutcome OutcomeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => ConnectorOutcome.Throttled,
        HttpStatusCode.Forbidden => ConnectorOutcome.Forbidden,
        HttpStatusCode.NotFound => ConnectorOutcome.NotFound,
        HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout => ConnectorOutcome.Transient,
        >= HttpStatusCode.InternalServerError => ConnectorOutcome.Transient,
        _ => ConnectorOutcome.Rejected,
    };

    /// <summary>Retry-After is either delta seconds or an HTTP date; a date in the past means "now".</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>An empty body (Teams sends one on some updates) gives an empty value rather than a failure.</summary>
    private static T ParseValue<T>(byte[] body) where T : class, new()
    {
        if (body.Length == 0)
        {
            return new T();
        }
        try
        {
            return JsonSerializer.Deserialize<T>(body, TeamsJson.Options) ?? new T();
        }
        catch (JsonException)
        {
            // The call succeeded on Teams' side: reporting a failure would make the caller send it again.
            return new T();
        }
    }

    /// <summary>Only the machine-readable code of <c>{"error":{"code":..,"message":..}}</c>: messages may quote user content.</summary>
    private static string? ReadErrorCode(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() is { Length: > 0 } text)
            {
                return text.Length <= MaxErrorCodeLength ? text : text[..MaxErrorCodeLength];
            }
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page): the status code says enough.
        }
        return null;
    }
}
