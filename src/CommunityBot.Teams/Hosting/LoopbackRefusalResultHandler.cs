using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Teams.Hosting;

/// <summary>
/// A request the loopback policy refuses (a foreign Host, forwarding headers, a caller on another machine) gets 403, not
/// the challenge's 401: the mode takes no token, so none could make the request acceptable. Not 421 Misdirected Request:
/// the request did reach the server it was sent to, which refuses it by policy, and 421 invites a client to retry it
/// on another connection.
/// </summary>
public sealed class LoopbackRefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler platform = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Succeeded && policy.Requirements.OfType<LoopbackRequirement>().Any())
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return platform.HandleAsync(next, context, policy, authorizeResult);
    }
}
