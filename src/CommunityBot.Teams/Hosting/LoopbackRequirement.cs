using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Hosting;

/// <summary>Met only by a request from this machine; a connection without a remote address is not one.</summary>
public sealed class LoopbackRequirement : AuthorizationHandler<LoopbackRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LoopbackRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }
        if (LoopbackGuard.IsLoopback(http.Connection.RemoteIpAddress))
        {
            context.Succeed(requirement);
        }
        else
        {
            HostingLog.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<LoopbackRequirement>(), "the caller is not on this machine");
        }
        return Task.CompletedTask;
    }
}
