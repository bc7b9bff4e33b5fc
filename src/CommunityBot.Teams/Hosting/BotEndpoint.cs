using CommunityBot.Teams.Diagnostics;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CommunityBot.Teams.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: authorized by the policy of the auth mode (the bot scheme, or loopback in Development), then
/// the activity checked, run through the turn pipeline, and invokes answered synchronously.
/// </summary>
public static class BotEndpoint
{
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var mode = endpoints.ServiceProvider.GetRequiredService<BotEndpointSettings>().Mode;
        return endpoints.MapPost(pattern, HandleAsync)
            .RequireAuthorization(BotPolicies.For(mode))
            .DisableAntiforgery()
            // Routing applies it to the server before authentication runs, so the limit holds for a chunked body too, and
            // the rest of a refused request is not drained up to the server's default of 30 MB.
            .WithMetadata(new BodyLimit(InboundActivityReader.MaxActivityBytes));
    }

    private static async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint));
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;

        // Without tokens, a page in the developer's browser could post a "simple" cross-site request (text/plain, a form: no
        // preflight). So only a JSON body is read: a browser sends one cross-site only after a preflight this endpoint never answers.
        if (services.GetRequiredService<BotEndpointSettings>().Mode == InboundAuthMode.AnonymousLoopback && !IsJson(http.Request))
        {
            HostingLog.Refused(logger, "the body is not declared as application/json");
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        var read = await InboundActivityReader.ReadAsync(http, cancellationToken);
        if (read.IsTooLarge)
        {
            HostingLog.Refused(logger, "the body is larger than 1 MB");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (read.Activity is not { } activity)
        {
            HostingLog.Refused(logger, "the body is not an activity");
            return Results.BadRequest();
        }
        if (InboundActivityValidator.Problem(activity, options) is { } problem)
        {
            HostingLog.Refused(logger, problem);
            return Results.BadRequest();
        }
        if (!options.IsTenantAllowed(activity.TenantId))
        {
            HostingLog.TenantRefused(logger, activity.TenantId ?? "(none)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        using var span = services.GetRequiredService<TeamsTelemetry>().StartIncoming(activity);
        // Everything logged during the turn, by any logger, names the activity and its tenant (ids only).
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ActivityId"] = activity.Id, ["TenantId"] = activity.TenantId });
        var turn = ActivatorUtilities.CreateInstance<TurnContext>(services, activity);
        var invokeResponse = await services.GetRequiredService<TurnPipeline>().RunAsync(turn, cancellationToken);
        return invokeResponse is null
            ? Results.Ok()
            : Results.Json(invokeResponse, TeamsJson.Options, statusCode: StatusCodes.Status200OK);
    }

    private static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}

/// <summary>How the endpoint authenticates callers; chosen once by the host at start-up.</summary>
public sealed record BotEndpointSettings(InboundAuthMode Mode);
