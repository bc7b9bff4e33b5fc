using System.Text.Json;
using CommunityBot.Teams.Auth;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Hosting;

/// <summary><c>POST /api/messages</c>: authenticate, parse, run the turn pipeline, answer invokes synchronously.</summary>
public static class BotEndpoint
{
    private const long MaxActivityBytes = 1024 * 1024;

    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var settings = services.GetRequiredService<BotEndpointSettings>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint));
        var authorization = http.Request.Headers.Authorization.ToString();

        if (settings.Mode == InboundAuthMode.ValidateTokens && !LooksLikeBearer(authorization))
        {
            HostingLog.Unauthenticated(logger, "missing or malformed authorization header");
            return Results.Unauthorized();
        }
        if (settings.Mode == InboundAuthMode.AnonymousLoopback && !LoopbackGuard.IsLoopback(http.Connection.RemoteIpAddress))
        {
            HostingLog.Unauthenticated(logger, "anonymous mode refuses a non-loopback caller");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var activity = await ReadActivityAsync(http.Request, cancellationToken);
        if (activity is null)
        {
            return Results.BadRequest();
        }

        if (settings.Mode == InboundAuthMode.ValidateTokens)
        {
            var authenticator = services.GetRequiredService<BotAuthenticator>();
            var auth = await authenticator.AuthenticateAsync(authorization, activity.ServiceUrl, cancellationToken);
            if (auth.Status != BotAuthenticationStatus.Authenticated)
            {
                HostingLog.Unauthenticated(logger, auth.Reason ?? auth.Status.ToString());
                return auth.Status == BotAuthenticationStatus.MissingOrMalformed
                    ? Results.Unauthorized()
                    : Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (!options.IsTenantAllowed(activity.TenantId))
        {
            HostingLog.TenantRefused(logger, activity.TenantId ?? "(none)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var turn = ActivatorUtilities.CreateInstance<TurnContext>(services, activity);
        var invokeResponse = await services.GetRequiredService<TurnPipeline>().RunAsync(turn, cancellationToken);
        return invokeResponse is null
            ? Results.Ok()
            : Results.Json(invokeResponse, TeamsJson.Options, statusCode: StatusCodes.Status200OK);
    }

    /// <summary>Refuses a request without a bearer token before its body is read.</summary>
    private static bool LooksLikeBearer(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > "Bearer ".Length;

    private static async Task<Activity?> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxActivityBytes)
        {
            return null;
        }
        try
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, TeamsJson.Options, cancellationToken);
            return activity is { Type.Length: > 0 } ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How the endpoint authenticates callers; chosen once by the host at start-up.</summary>
public sealed record BotEndpointSettings(InboundAuthMode Mode);
