using CommunityBot.Teams.Diagnostics;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        return endpoints.MapPost(pattern, HandleAsync).RequireAuthorization(BotPolicies.For(mode)).DisableAntiforgery();
    }

    private static async Task<IResult> HandleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint));
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;

        var activity = await InboundActivityReader.ReadAsync(http, cancellationToken);
        if (activity is null)
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
}

/// <summary>How the endpoint authenticates callers; chosen once by the host at start-up.</summary>
public sealed record BotEndpointSettings(InboundAuthMode Mode);
