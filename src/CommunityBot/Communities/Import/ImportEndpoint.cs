using System.Text.Json;
using CommunityBot.Admin;
using CommunityBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Communities.Import;

/// <summary>
/// <c>POST /admin/import?tenant=&lt;tenant id&gt;</c> with a CSV (<c>text/csv</c>) or JSON (<c>application/json</c>) body,
/// and <c>GET /admin/import/{id}</c> for one written in the background. Behind <see cref="AdminPolicy.Import"/>: a
/// signed-in tenant admin or a tenant's automation key imports into that tenant only (<c>tenant</c> may be left out;
/// naming another is 403); a loopback caller in Development names the tenant. The whole file is read and checked
/// during the request (400 with the errors, nothing stored); a small one is then written at once (200 and what was
/// done), a large one in the background (202, <c>Location</c> the status).
/// </summary>
public static class ImportEndpoint
{
    public const string KeyHeader = AutomationKeyAuthenticationHandler.Header;

    public static WebApplication MapCommunityImport(this WebApplication app)
    {
        app.MapPost("/admin/import", ImportAsync).RequireAuthorization(AdminPolicy.Import);
        app.MapGet("/admin/import/{id:guid}", StatusAsync).RequireAuthorization(AdminPolicy.Import);
        return app;
    }

    private static async Task<Results<Ok<ImportSummary>, Accepted<ImportStatus>, BadRequest<ImportSummary>, StatusCodeHttpResult>> ImportAsync(
        HttpContext http, string? tenant, IOptions<ImportOptions> options, ImportRequest import, CancellationToken cancellationToken)
    {
        if (TenantOf(http, tenant, out var invalid) is not { } tenantId)
        {
            return invalid is null ? TypedResults.StatusCode(StatusCodes.Status403Forbidden) : TypedResults.BadRequest(invalid);
        }
        var limits = options.Value;
        var body = await ImportRequest.ReadBodyAsync(http.Request, limits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/csv" or "application/json"))
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        var errors = new ImportErrors(limits.MaxErrors);
        var file = await import.ReadAndValidateAsync(tenantId, body, mediaType == "text/csv", errors, limits.MaxRows, cancellationToken);
        if (file is null)
        {
            return TypedResults.BadRequest(errors.AsSummary());
        }
        if (file.RowCount <= limits.SynchronousRows)
        {
            return TypedResults.Ok(await import.WriteAsync(tenantId, file, cancellationToken));
        }
        var run = await import.StartAsync(tenantId, file, cancellationToken);
        return TypedResults.Accepted($"/admin/import/{run.Id}?tenant={Uri.EscapeDataString(tenantId)}", StatusOf(run, limits, DateTimeOffset.MinValue));
    }

    private static async Task<Results<Ok<ImportStatus>, NotFound, BadRequest<ImportSummary>, StatusCodeHttpResult>> StatusAsync(
        HttpContext http, Guid id, string? tenant, AppDbContext db, IOptions<ImportOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (TenantOf(http, tenant, out var invalid) is not { } tenantId)
        {
            return invalid is null ? TypedResults.StatusCode(StatusCodes.Status403Forbidden) : TypedResults.BadRequest(invalid);
        }
        // Another tenant's import is as unknown as one that never was.
        var run = await db.Set<ImportRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.TenantId == tenantId, cancellationToken);
        return run is null ? TypedResults.NotFound() : TypedResults.Ok(StatusOf(run, options.Value, clock.GetUtcNow()));
    }

    /// <summary>
    /// The caller's tenant as a lower-case GUID: a named tenant that is no GUID is 400 before anything else, another
    /// tenant than the caller's own 403 (<see cref="AdminTenant.Resolve"/>).
    /// </summary>
    /// <returns>The tenant, or null: with <paramref name="invalid"/> a 400, without it a 403.</returns>
    private static string? TenantOf(HttpContext http, string? tenant, out ImportSummary? invalid)
    {
        invalid = null;
        Guid named = default;
        if (!string.IsNullOrWhiteSpace(tenant) && !Guid.TryParseExact(tenant.Trim(), "D", out named))
        {
            invalid = Invalid("the query parameter 'tenant' must be the tenant id, a GUID such as 7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
            return null;
        }
        var choice = AdminTenant.Resolve(http.User, named == default ? null : named.ToString("D"));
        if (choice.Refused)
        {
            return null;
        }
        if (choice.Tenant is null || !Guid.TryParseExact(choice.Tenant, "D", out var own))
        {
            invalid = Invalid("the query parameter 'tenant' (tenant id) is required");
            return null;
        }
        return own.ToString("D");
    }

    private static ImportSummary Invalid(string reason) => new() { Errors = [new ImportError("tenant", reason)], ErrorCount = 1 };

    private static ImportStatus StatusOf(ImportRun run, ImportOptions options, DateTimeOffset now)
    {
        // A run that stopped reporting progress lost its instance (a crash or a scale-in): what it wrote stays.
        var stalled = run.State is ImportState.Queued or ImportState.Running && now - run.UpdatedAt > options.StalledAfter;
        var summary = run.Summary is null ? new ImportSummary() : JsonSerializer.Deserialize<ImportSummary>(run.Summary, JsonSerializerOptions.Web)!;
        var failure = stalled ? $"stopped after {run.RowsWritten:N0} rows without finishing; import the same file again to complete it" : run.Failure;
        return new ImportStatus(run.Id, (stalled ? ImportState.Failed : run.State).ToString().ToLowerInvariant(), run.Rows, run.RowsWritten,
            failure is null ? summary : summary with { Errors = [new ImportError("import", failure)], ErrorCount = 1 });
    }
}
