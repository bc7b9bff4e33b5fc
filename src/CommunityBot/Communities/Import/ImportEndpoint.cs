using System.Security.Cryptography;
using System.Text;
using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CommunityBot.Communities.Import;

/// <summary>
/// <c>POST /admin/import?tenant=&lt;tenant id&gt;</c> with a CSV (<c>text/csv</c>) or JSON (<c>application/json</c>) body.
/// Until tenant admins sign in with real authentication it is open only to a caller with the configured
/// <c>X-Import-Key</c>, or to loopback callers in Development.
/// </summary>
public static class ImportEndpoint
{
    public const string KeyHeader = "X-Import-Key";

    public static WebApplication MapCommunityImport(this WebApplication app)
    {
        app.MapPost("/admin/import", HandleAsync);
        return app;
    }

    private static async Task<Results<Ok<ImportSummary>, BadRequest<ImportSummary>, UnauthorizedHttpResult, StatusCodeHttpResult>> HandleAsync(
        HttpContext http, string? tenant, CommunityImporter importer, IOptions<CommunitiesOptions> options, IHostEnvironment environment,
        ILogger<CommunityImporter> logger, CancellationToken cancellationToken)
    {
        if (!IsAllowed(http, options.Value, environment, logger))
        {
            return TypedResults.Unauthorized();
        }
        if (string.IsNullOrWhiteSpace(tenant))
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
        var summary = await importer.ImportAsync(tenant.Trim(), file, readErrors, cancellationToken);
        return summary.Errors.Count > 0 ? TypedResults.BadRequest(summary) : TypedResults.Ok(summary);
    }

    private static bool IsAllowed(HttpContext http, CommunitiesOptions options, IHostEnvironment environment, ILogger logger)
    {
        var given = http.Request.Headers[KeyHeader].ToString();
        var loopback = LoopbackGuard.IsLoopback(http.Connection.RemoteIpAddress);
        if (!string.IsNullOrEmpty(options.ImportApiKey) && given.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.ImportApiKey)))
        {
            return true;
        }
        if (environment.IsDevelopment() && loopback && given.Length == 0)
        {
            return true;
        }
        CommunitiesLog.ImportRefused(logger, given.Length > 0, loopback);
        return false;
    }
}
