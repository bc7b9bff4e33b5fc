namespace CommunityBot.Privacy;

/// <summary>
/// <c>GET /privacy/export/{token}</c>: the JSON file of "export my data". The signed token is the only credential (the
/// link is opened in a browser, outside Teams); an invalid, expired, used or forged token and a person who no longer
/// exists all get the same 404.
/// </summary>
public static class ExportEndpoint
{
    public static WebApplication MapDataExport(this WebApplication app)
    {
        app.MapGet(ExportLinks.Path + "/{token}", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(string token, ExportLinks links, DataExport export, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (await links.RedeemAsync(token, ct) is not { } grant || await export.ForAsync(grant, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.File(file, "application/json", $"communitybot-{grant.PersonId}.json");
    }
}
