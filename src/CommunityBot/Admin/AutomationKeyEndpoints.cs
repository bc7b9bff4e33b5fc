using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Admin;

/// <summary>
/// <c>/admin/keys</c>: a tenant admin creates (the key is in the answer, once), lists and revokes their tenant's
/// automation keys. Behind the <see cref="AdminPolicy"/>: a key cannot make or revoke keys. Another tenant's key is
/// 404, like a missing one.
/// </summary>
public static class AutomationKeyEndpoints
{
    public static WebApplication MapAutomationKeys(this WebApplication app)
    {
        var keys = app.MapGroup("/admin/keys").RequireAuthorization(AdminPolicy.Name);
        keys.MapPost("", CreateAsync);
        keys.MapGet("", ListAsync);
        keys.MapDelete("/{id:long}", RevokeAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, string? tenant, NewAutomationKey request, AppDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var choice = AdminTenant.Resolve(http.User, tenant);
        if (choice.Tenant is not { } owner)
        {
            return TenantProblem(choice);
        }
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > AutomationKey.NameLength)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"a name of 1 to {AutomationKey.NameLength} characters is required"] });
        }
        var secret = AutomationKey.NewSecret();
        var key = new AutomationKey
        {
            TenantId = owner,
            Name = name,
            Hash = AutomationKey.HashOf(secret),
            CreatedBy = http.User.FindFirst("oid")?.Value,
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        AdminLog.KeyCreated(loggers.CreateLogger(typeof(AutomationKeyEndpoints)), key.Id, owner);
        return Results.Created($"/admin/keys/{key.Id}", new CreatedAutomationKey(key.Id, key.Name, secret, key.CreatedAt));
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, string? tenant, AppDbContext db, CancellationToken ct)
    {
        var choice = AdminTenant.Resolve(http.User, tenant);
        if (choice.Tenant is not { } owner)
        {
            return TenantProblem(choice);
        }
        var rows = await db.Set<AutomationKey>().AsNoTracking().Where(k => k.TenantId == owner).OrderBy(k => k.Id)
            .Select(k => new AutomationKeyInfo(k.Id, k.Name, k.CreatedBy, k.CreatedAt, k.RevokedAt))
            .ToListAsync(ct);
        return Results.Ok(rows);
    }

    /// <summary>Revoking twice is not an error: the key stays revoked at its first moment.</summary>
    private static async Task<IResult> RevokeAsync(
        HttpContext http, long id, string? tenant, AppDbContext db, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var choice = AdminTenant.Resolve(http.User, tenant);
        if (choice.Tenant is not { } owner)
        {
            return TenantProblem(choice);
        }
        var key = await db.Set<AutomationKey>().SingleOrDefaultAsync(k => k.Id == id && k.TenantId == owner, ct);
        if (key is null)
        {
            return Results.NotFound();
        }
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(ct);
            AdminLog.KeyRevoked(loggers.CreateLogger(typeof(AutomationKeyEndpoints)), key.Id, owner);
        }
        return Results.NoContent();
    }

    /// <summary>Another tenant named: 403. No tenant at all (a Development caller on this machine who named none): 400.</summary>
    private static IResult TenantProblem(TenantChoice choice) =>
        choice.Refused
            ? Results.StatusCode(StatusCodes.Status403Forbidden)
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["tenant"] = ["the query parameter 'tenant' (tenant id) is required"] });
}

/// <summary>The request body of <c>POST /admin/keys</c>: what the key is for ("nightly sync from Smartschool").</summary>
public sealed record NewAutomationKey(string? Name);

/// <summary>The one answer that holds the key itself; CreatedAt is Unix milliseconds.</summary>
public sealed record CreatedAutomationKey(long Id, string Name, string Key, long CreatedAt);

/// <summary>A key as listed: never the key or its hash.</summary>
public sealed record AutomationKeyInfo(long Id, string Name, string? CreatedBy, long CreatedAt, long? RevokedAt);
