using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommunityBot.Teams.Auth;

/// <summary>
/// Checks the bearer JWT on <c>POST /api/messages</c>: Bot Framework channel tokens and, for single-tenant bots,
/// Entra ID tokens of the bot's own tenant.
/// </summary>
public sealed class BotAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private const string ServiceUrlClaim = "serviceurl";

    private readonly BotOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Dictionary<string, OpenIdMetadataSource> _metadataByIssuer;

    public BotAuthenticator(IOptions<BotOptions> options, ILogger<BotAuthenticator> logger, TimeProvider timeProvider)
        : this(options.Value, logger, timeProvider, requireHttpsMetadata: true)
    {
    }

    /// <param name="requireHttpsMetadata">False only in tests, whose metadata endpoint is plain http on loopback.</param>
    internal BotAuthenticator(BotOptions options, ILogger<BotAuthenticator> logger, TimeProvider timeProvider, bool requireHttpsMetadata)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metadataByIssuer = TrustedIssuers(options, requireHttpsMetadata, timeProvider, logger);
    }

    /// <summary>
    /// Validates the Authorization header of an inbound activity whose body names <paramref name="activityServiceUrl"/>.
    /// Throws <see cref="InvalidOperationException"/> only when the signing keys were never obtainable (metadata endpoint down).
    /// </summary>
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? activityServiceUrl, CancellationToken ct)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, activityServiceUrl, ct).ConfigureAwait(false);
        if (result.Reason is { } reason)
        {
            Log.TokenRejected(_logger, result.Status, reason);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> AuthenticateCoreAsync(string? authorizationHeader, string? activityServiceUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotAuthenticationResult.MissingOrMalformed("No Authorization header");
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.MissingOrMalformed("Authorization scheme is not Bearer");
        }

        if (ReadJwt(authorizationHeader[BearerPrefix.Length..].Trim()) is not { } jwt)
        {
            return BotAuthenticationResult.MissingOrMalformed("Bearer token is not a JWT");
        }

        if (jwt.IsEncrypted)
        {
            return BotAuthenticationResult.Invalid("Encrypted tokens are not accepted");
        }

        if (string.IsNullOrWhiteSpace(_options.AppId))
        {
            return BotAuthenticationResult.Invalid("Bot:AppId is not configured");
        }

        // The issuer is read before validation only to pick whose keys to validate with; validation then pins it.
        if (!_metadataByIssuer.TryGetValue(jwt.Issuer, out var metadata))
        {
            return BotAuthenticationResult.Invalid("Token issuer is not trusted");
        }

        var configuration = await metadata.GetAsync(ct).ConfigureAwait(false);
        if (NamesUnknownKey(jwt, configuration))
        {
            configuration = await metadata.RefreshAsync(ct).ConfigureAwait(false);
        }

        var validation = await _handler.ValidateTokenAsync(jwt, ValidationParameters(jwt.Issuer, configuration)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return BotAuthenticationResult.Invalid(validation.Exception?.GetType().Name ?? "Token validation failed");
        }

        var identity = validation.ClaimsIdentity;
        if (identity.FindFirst(ServiceUrlClaim) is { } serviceUrl && !ServiceUrl.AreSame(serviceUrl.Value, activityServiceUrl))
        {
            return BotAuthenticationResult.Invalid("Token serviceUrl does not match the activity's");
        }

        Log.TokenAccepted(_logger, jwt.Issuer);
        return BotAuthenticationResult.Authenticated(identity);
    }

    private JsonWebToken? ReadJwt(string token)
    {
        if (token.Length == 0 || !_handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is SecurityTokenMalformedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A token without a key id is not a reason to fetch keys: it fails validation anyway.</summary>
    private static bool NamesUnknownKey(JsonWebToken jwt, OpenIdConnectConfiguration configuration) =>
        !string.IsNullOrEmpty(jwt.Kid) && !configuration.SigningKeys.Any(key => string.Equals(key.KeyId, jwt.Kid, StringComparison.Ordinal));

    private TokenValidationParameters ValidationParameters(string issuer, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        // RS256 only: rejects "none" and the HS256-signed-with-the-public-key confusion.
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = _options.ClockSkew,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        // A token must name the key it was signed with (both Bot Framework and Entra always do).
        TryAllIssuerSigningKeys = false,
        // IdentityModel 8 keeps its own clock internal; this is its rule, read from our TimeProvider.
        // Replacing the validator also replaces its expiry requirement, hence the missing-expiry check here.
        LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew),
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan clockSkew)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } notAfter
            && now <= notAfter + clockSkew
            && (notBefore is null || (notBefore <= notAfter && notBefore <= now + clockSkew));
    }

    private static Dictionary<string, OpenIdMetadataSource> TrustedIssuers(
        BotOptions options, bool requireHttps, TimeProvider timeProvider, ILogger logger)
    {
        var issuers = new Dictionary<string, OpenIdMetadataSource>(StringComparer.Ordinal)
        {
            [options.TokenIssuer] = new(options.OpenIdMetadataUrl, requireHttps, timeProvider, logger),
        };

        if (options is { AppType: BotAppType.SingleTenant, TenantId: { Length: > 0 } tenant })
        {
            // Entra signs v1 and v2 tokens with the same tenant keys, published in the v2 metadata.
            var authority = $"{options.AuthorityHost.TrimEnd('/')}/{tenant}/v2.0";
            var entra = new OpenIdMetadataSource($"{authority}/.well-known/openid-configuration", requireHttps, timeProvider, logger);
            issuers[$"https://sts.windows.net/{tenant}/"] = entra;
            issuers[authority] = entra;
        }

        return issuers;
    }
}
