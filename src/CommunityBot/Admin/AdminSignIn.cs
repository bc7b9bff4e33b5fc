using CommunityBot.Teams;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityBot.Admin;

/// <summary>
/// Entra ID bearer tokens for the admin surface. The app registration is multi-tenant: a token is accepted from any
/// tenant the bot serves (<c>Bot:AllowedTenants</c>, or all when that is empty) when its issuer is that tenant's own
/// (<c>{Instance}/{tid}/v2.0</c>), its audience the app and its signature a key Entra publishes.
/// </summary>
internal static class AdminSignIn
{
    public const string SchemeName = "AdminSignIn";

    public static void Configure(JwtBearerOptions jwt, AzureAdOptions azureAd, BotOptions bot, bool development)
    {
        jwt.MetadataAddress = azureAd.MetadataAddress;
        // Plain http only for a metadata server on this machine in Development (the tests' local issuer).
        jwt.RequireHttpsMetadata = !(development && Uri.TryCreate(azureAd.MetadataAddress, UriKind.Absolute, out var uri) && uri.IsLoopback);
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            AuthenticationType = SchemeName,
            ValidAudiences = azureAd.Audiences,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            RoleClaimType = "roles",
            NameClaimType = "oid",
            IssuerValidator = (issuer, token, _) => TenantIssuer(issuer, token, azureAd, bot),
        };
    }

    private static string TenantIssuer(string issuer, SecurityToken token, AzureAdOptions azureAd, BotOptions bot)
    {
        if (token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(AdminTenant.ClaimType, out var tenant)
            && Guid.TryParse(tenant, out _)
            && string.Equals(issuer, azureAd.Authority(tenant), StringComparison.Ordinal)
            && bot.IsTenantAllowed(tenant))
        {
            return issuer;
        }
        throw new SecurityTokenInvalidIssuerException("The token's issuer is not its own tenant's, or the tenant is not served.");
    }
}
