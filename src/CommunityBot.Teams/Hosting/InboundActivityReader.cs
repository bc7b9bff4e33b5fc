using System.Text.Json;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Teams.Hosting;

/// <summary>
/// Reads the activity of a <c>POST /api/messages</c> once per request, bounded in size: the authentication scheme needs its
/// serviceUrl, channel and tenant, the endpoint the whole of it.
/// </summary>
public static class InboundActivityReader
{
    public const int MaxActivityBytes = 1024 * 1024;

    /// <summary>The activity, or null when the body is too large, not JSON, or not an activity.</summary>
    public static async Task<Activity?> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<InboundActivityFeature>() is { } read)
        {
            return read.Activity;
        }
        var activity = await ParseAsync(http.Request, cancellationToken).ConfigureAwait(false);
        http.Features.Set(new InboundActivityFeature(activity));
        return activity;
    }

    private static async Task<Activity?> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxActivityBytes)
        {
            return null;
        }
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            // A chunked body has no Content-Length to refuse it by.
            if (body.Length + read > MaxActivityBytes)
            {
                return null;
            }
            body.Write(chunk, 0, read);
        }
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body.GetBuffer().AsSpan(0, (int)body.Length), TeamsJson.Options);
            return activity is { Type.Length: > 0 } ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record InboundActivityFeature(Activity? Activity);
}
