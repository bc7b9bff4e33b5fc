using CommunityBot.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityBot.Privacy;

/// <summary>
/// <c>DELETE /admin/tenants/{tenant}</c>: removes everything of a tenant, behind the <see cref="AdminPolicy"/>, for the
/// caller's own tenant only. Answers 200 with the rows removed per table; a tenant with nothing (left) answers 200 with zeros.
/// </summary>
public static class TenantOffboardingEndpoint
{
    public static WebApplication MapTenantOffboarding(this WebApplication app)
    {
        app.MapDelete("/admin/tenants/{tenant}", HandleAsync).RequireAuthorization(AdminPolicy.Name);
        return app;
    }

    /// <summary>A signed-in admin removes their own tenant only; naming another is refused before anything is read.</summary>
    private static async Task<Results<Ok<OffboardingSummary>, StatusCodeHttpResult>> HandleAsync(
        string tenant, HttpContext http, TenantOffboarding offboarding, CancellationToken ct) =>
        AdminTenant.Resolve(http.User, tenant) is { Refused: false, Tenant: { } own }
            ? TypedResults.Ok(await offboarding.RemoveAsync(own, ct))
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
}
