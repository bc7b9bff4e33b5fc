using System.Security.Claims;
using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace CommunityBot.Admin;

/// <summary>Who an admin policy admits besides a signed-in tenant admin.</summary>
public enum AdminAccess
{
    SignedIn,
    SignedInOrKey,
    /// <summary>Only admins of the tenant the app is registered in (the operator's), for the job dashboard that shows every tenant's jobs.</summary>
    HostingTenant,
}

/// <summary>
/// Met by a token with the app role <c>admin</c> (<see cref="AdminAccess"/> narrowing or widening that), or, in
/// Development only, by a request made on this machine (not forwarded) that carries no credentials at all. An
/// authenticated caller who does not qualify gets 403; an anonymous one 401.
/// </summary>
public sealed class AdminRequirement(bool development, AdminAccess access, string? hostingTenant) : AuthorizationHandler<AdminRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (Admits(context.User))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }
        var credentials = http.Request.Headers.ContainsKey(AutomationKeyAuthenticationHandler.Header) || http.Request.Headers.Authorization.Count > 0;
        var loopback = LoopbackGuard.IsLocalRequest(http);
        if (development && loopback && !credentials && context.User.Identity?.IsAuthenticated != true)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        AdminLog.Refused(http.RequestServices.GetRequiredService<ILogger<AdminRequirement>>(), credentials, loopback, access);
        return Task.CompletedTask;
    }

    private bool Admits(ClaimsPrincipal user)
    {
        var tenant = user.FindFirst(AdminTenant.ClaimType)?.Value;
        if (tenant is null)
        {
            return false;
        }
        if (user.Identities.Any(i => i is { IsAuthenticated: true, AuthenticationType: AutomationKeyAuthenticationHandler.SchemeName }))
        {
            return access == AdminAccess.SignedInOrKey;
        }
        var admin = user.Identities.Any(i => i is { IsAuthenticated: true, AuthenticationType: AdminSignIn.SchemeName }) && user.IsInRole(AzureAdOptions.AdminRole);
        return admin && (access != AdminAccess.HostingTenant || string.Equals(tenant, hostingTenant, StringComparison.OrdinalIgnoreCase));
    }
}
