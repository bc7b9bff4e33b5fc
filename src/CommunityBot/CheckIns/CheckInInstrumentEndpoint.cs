using CommunityBot.Admin;
using CommunityBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.CheckIns;

/// <summary>
/// <c>POST /admin/communities/{id}/check-in-instrument</c> with <c>{ "version": N }</c>: moves a community to a newer
/// instrument version the catalog holds. Only rounds opened afterwards ask it; an open round keeps the version it was
/// opened with, so its answers stay comparable. Behind the <see cref="AdminPolicy"/>: a tenant admin changes their own
/// tenant's communities only (another's is 404, like a missing one).
/// </summary>
public static class CheckInInstrumentEndpoint
{
    public static WebApplication MapCheckInInstrumentAdmin(this WebApplication app)
    {
        app.MapPost("/admin/communities/{id:long}/check-in-instrument", HandleAsync).RequireAuthorization(AdminPolicy.Name);
        return app;
    }

    private static async Task<Results<Ok<CheckInInstrumentVersion>, NotFound, ValidationProblem>> HandleAsync(
        long id, CheckInInstrumentChange change, HttpContext http, AppDbContext db, InstrumentCatalog catalog, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var tenant = AdminTenant.Resolve(http.User, null).Tenant;
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == id && (tenant == null || c.TenantId == tenant), cancellationToken);
        if (community is null)
        {
            return TypedResults.NotFound();
        }
        if (catalog.Find(change.Version) is null)
        {
            return Invalid($"the catalog has no instrument version {change.Version}");
        }
        // Going back would mix versions within a community's trend; a newer file is the only way forward.
        if (change.Version < community.CheckInInstrumentVersion)
        {
            return Invalid($"version {change.Version} is older than the community's current version {community.CheckInInstrumentVersion}");
        }
        community.CheckInInstrumentVersion = change.Version;
        await db.SaveChangesAsync(cancellationToken);
        CheckInsLog.InstrumentChanged(loggers.CreateLogger(typeof(CheckInInstrumentEndpoint)), id, change.Version);
        return TypedResults.Ok(new CheckInInstrumentVersion(id, change.Version));
    }

    private static ValidationProblem Invalid(string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [reason] });
}

/// <summary>The request body: the instrument version the community moves to.</summary>
public sealed record CheckInInstrumentChange(int Version);

/// <summary>The answer: the community and the version its next rounds ask.</summary>
public sealed record CheckInInstrumentVersion(long CommunityId, int Version);
