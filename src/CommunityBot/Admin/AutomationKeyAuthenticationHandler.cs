using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunityBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Admin;

/// <summary>
/// Authenticates a caller holding a tenant's <see cref="AutomationKey"/> in <see cref="Header"/>: the principal carries
/// that tenant as its <c>tid</c>. No header: no result; an unknown or revoked key: a failure, whatever the address.
/// </summary>
public sealed class AutomationKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AutomationKey";
    public const string Header = "X-Import-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var given = Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        // Looked up by its hash: the comparison happens on a digest, so its timing says nothing about the key.
        var hash = AutomationKey.HashOf(given);
        var key = await db.Set<AutomationKey>().AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.TenantId })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown or revoked automation key");
        }
        var identity = new ClaimsIdentity(
            [new Claim(AdminTenant.ClaimType, key.TenantId), new Claim(AdminTenant.KeyIdClaimType, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
