using System.Text.Json;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Teams.Hosting;

/// <summary>
/// Reads the activity of a <c>POST /api/messages</c> once per request, bounded in size: the authentication scheme needs its
/// serviceUrl, channel and tenant (after the token itself has passed), the endpoint the whole of it.
/// </summary>
public static class InboundActivityReader
{
    public const int MaxActivityBytes = 1024 * 1024;

    /// <summary>The activity, or why there is none: the body is too large (413), or not JSON or not an activity (400).</summary>
    public static async Task<InboundActivity> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<InboundActivity>() is { } read)
        {
            return read;
        }
        var activity = await ParseAsync(http, cancellationToken).ConfigureAwait(false);
        http.Features.Set(activity);
        return activity;
    }

    private static async Task<InboundActivity> ParseAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.ContentLength > MaxActivityBytes)
        {
            return InboundActivity.TooLarge;
        }
        // The server's own limit (the endpoint's RequestSizeLimit, see BotEndpoint) stops a chunked body at the same size;
        // the count below is for servers without one (the in-memory test server).
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxActivityBytes)
                {
                    return InboundActivity.TooLarge;
                }
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return InboundActivity.TooLarge;
        }
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body.GetBuffer().AsSpan(0, (int)body.Length), TeamsJson.Options);
            return activity is { Type.Length: > 0 } ? new InboundActivity(activity, IsTooLarge: false) : InboundActivity.Malformed;
        }
        catch (JsonException)
        {
            return InboundActivity.Malformed;
        }
    }
}

/// <summary>The outcome of reading a request's body as an activity.</summary>
public sealed record InboundActivity(Activity? Activity, bool IsTooLarge)
{
    public static readonly InboundActivity TooLarge = new(null, IsTooLarge: true);

    public static readonly InboundActivity Malformed = new(null, IsTooLarge: false);
}
