using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Hosting;

/// <summary>Met only by a request made on this machine, not forwarded (see <see cref="LoopbackGuard.IsLocalRequest"/>).</summary>
public sealed class LoopbackRequirement : AuthorizationHandler<LoopbackRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LoopbackRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }
        if (LoopbackGuard.IsLocalRequest(http))
        {
            context.Succeed(requirement);
        }
        else
        {
            HostingLog.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<LoopbackRequirement>(), "the request was not made on this machine, or was forwarded");
        }
        return Task.CompletedTask;
    }
}
