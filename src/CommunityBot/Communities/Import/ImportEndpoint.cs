using System.Text;
using CommunityBot.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityBot.Communities.Import;

/// <summary>
/// <c>POST /admin/import?tenant=&lt;tenant id&gt;</c> with a CSV (<c>text/csv</c>) or JSON (<c>application/json</c>) body.
/// Behind <see cref="AdminPolicy.Import"/>: a signed-in tenant admin or a tenant's automation key imports into that
/// tenant only (<c>tenant</c> may be left out; naming another is 403); a loopback caller in Development names the tenant.
/// </summary>
public static class ImportEndpoint
{
    public const string KeyHeader = AutomationKeyAuthenticationHandler.Header;

    public static WebApplication MapCommunityImport(this WebApplication app)
    {
        app.MapPost("/admin/import", HandleAsync).RequireAuthorization(AdminPolicy.Import);
        return app;
    }

    private static async Task<Results<Ok<ImportSummary>, BadRequest<ImportSummary>, StatusCodeHttpResult>> HandleAsync(
        HttpContext http, string? tenant, CommunityImporter importer, CancellationToken cancellationToken)
    {
        var choice = AdminTenant.Resolve(http.User, tenant);
        if (choice.Refused)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (choice.Tenant is null)
        {
            return TypedResults.BadRequest(new ImportSummary { Errors = [new ImportError("tenant", "the query parameter 'tenant' (tenant id) is required")] });
        }
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var (file, readErrors) = mediaType switch
        {
            "text/csv" => ImportReader.FromCsv(body),
            "application/json" => ImportReader.FromJson(body),
            _ => (null, null),
        };
        if (readErrors is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        if (file is null)
        {
            return TypedResults.BadRequest(new ImportSummary { Errors = readErrors });
        }
        var summary = await importer.ImportAsync(choice.Tenant, file, readErrors, cancellationToken);
        return summary.Errors.Count > 0 ? TypedResults.BadRequest(summary) : TypedResults.Ok(summary);
    }
}
