using CommunityBot.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace CommunityBot.Communities.Import;

/// <summary>One import request: the body read within its limit, decoded, parsed and checked; then written now or in the background.</summary>
public sealed class ImportRequest(AppDbContext db, ImportWriter writer, ImportRunner runner, ILogger<ImportRequest> logger)
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (counted as it arrives, chunked or not).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        // The server's own limit (30 MB by default in Kestrel) becomes this endpoint's.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
                }
                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return body.ToArray();
    }

    /// <returns>The file when it is valid; null with the errors otherwise.</returns>
    public async Task<ImportFile?> ReadAndValidateAsync(string tenantId, byte[] body, bool csv, ImportErrors errors, int maxRows, CancellationToken ct)
    {
        var (text, line, column) = Utf8Check.Decode(body);
        if (text is null)
        {
            errors.Add($"line {line}", $"byte {column} is not UTF-8: save the file as UTF-8 (CSV UTF-8 in Excel)");
            return null;
        }
        var file = csv ? CsvImportReader.Read(text, maxRows, errors) : ImportReader.FromJson(text, maxRows, errors);
        if (file is null)
        {
            return null;
        }
        ImportValidator.Validate(file, await ImportIndex.LoadAsync(db, tenantId, ct), errors);
        CommunitiesLog.Imported(logger, tenantId, file.RowCount, errors.Count);
        return errors.Count == 0 ? file : null;
    }

    public Task<ImportSummary> WriteAsync(string tenantId, ImportFile file, CancellationToken ct) =>
        writer.WriteAsync(tenantId, file, (_, _) => Task.CompletedTask, ct);

    public Task<ImportRun> StartAsync(string tenantId, ImportFile file, CancellationToken ct) => runner.StartAsync(tenantId, file, ct);
}
