using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CommunityBot.Admin;

/// <summary>Met by a caller with the admin key, or, in Development only, by a request made on this machine (not forwarded) without a key.</summary>
public sealed class AdminRequirement(bool development) : AuthorizationHandler<AdminRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: AdminKeyAuthenticationHandler.SchemeName })
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }
        var keyGiven = http.Request.Headers.ContainsKey(AdminKeyAuthenticationHandler.Header);
        var loopback = LoopbackGuard.IsLocalRequest(http);
        if (development && loopback && !keyGiven)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        AdminLog.Refused(http.RequestServices.GetRequiredService<ILogger<AdminRequirement>>(), keyGiven, loopback);
        return Task.CompletedTask;
    }
}
