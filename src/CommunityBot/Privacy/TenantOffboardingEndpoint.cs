using CommunityBot.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityBot.Privacy;

/// <summary>
/// <c>DELETE /admin/tenants/{tenant}</c>: removes everything of a tenant, behind the <see cref="AdminPolicy"/> like the
/// import. Answers 200 with the rows removed per table; a tenant with nothing (left) answers 200 with zeros.
/// </summary>
public static class TenantOffboardingEndpoint
{
    public static WebApplication MapTenantOffboarding(this WebApplication app)
    {
        app.MapDelete("/admin/tenants/{tenant}", HandleAsync).RequireAuthorization(AdminPolicy.Name);
        return app;
    }

    private static async Task<Ok<OffboardingSummary>> HandleAsync(string tenant, TenantOffboarding offboarding, CancellationToken ct) =>
        TypedResults.Ok(await offboarding.RemoveAsync(tenant, ct));
}
