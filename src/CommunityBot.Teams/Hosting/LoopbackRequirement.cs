using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CommunityBot.Teams.Hosting;

/// <summary>Met only by a request from this machine; a connection without a remote address is not one.</summary>
public sealed class LoopbackRequirement : AuthorizationHandler<LoopbackRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LoopbackRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is HttpContext http && LoopbackGuard.IsLoopback(http.Connection.RemoteIpAddress))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
