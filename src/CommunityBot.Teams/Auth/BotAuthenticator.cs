using System.Security.Claims;
using System.Text.Json;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CommunityBot.Teams.Auth;

/// <summary>
/// Checks the bearer JWT on <c>POST /api/messages</c> against the activity it came with: Bot Framework channel tokens
/// and, for single-tenant bots, Entra ID tokens the Bot Service got for the bot in its own tenant.
/// </summary>
public sealed class BotAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private const string ServiceUrlClaim = "serviceurl";

    /// <summary>The named client that fetches OpenID metadata and signing keys.</summary>
    public const string MetadataHttpClientName = "CommunityBot.Teams.OpenIdMetadata";

    private readonly BotOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly JsonWebTokenHandler handler = new();
    private readonly Dictionary<string, TrustedIssuer> trustedIssuers;

    public BotAuthenticator(IOptions<BotOptions> options, ILogger<BotAuthenticator> logger, TimeProvider timeProvider, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
        trustedIssuers = TrustedIssuers(this.options, timeProvider, logger, httpClients);
    }

    /// <summary>Validates the Authorization header of <paramref name="activity"/>; never throws for anything a caller sends.</summary>
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (token, refusal) = await ValidateTokenAsync(authorizationHeader, ct).ConfigureAwait(false);
        return token is null ? refusal! : CheckActivity(token, activity);
    }

    /// <summary>
    /// Everything the header alone decides: a bearer JWT, RS256, a trusted issuer, the bot as its one audience, its lifetime and
    /// its signature. The endpoint reads no body for a token that fails here.
    /// </summary>
    public async Task<(ValidatedBotToken? Token, BotAuthenticationResult? Refusal)> ValidateTokenAsync(string? authorizationHeader, CancellationToken ct)
    {
        var outcome = await ValidateTokenCoreAsync(authorizationHeader, ct).ConfigureAwait(false);
        // Unavailable keys are logged by the metadata source, once per failed fetch rather than once per request.
        if (outcome.Refusal is { Reason: { } reason, Status: not BotAuthenticationStatus.KeysUnavailable } refusal)
        {
            Log.TokenRejected(this.logger, refusal.Status, reason);
        }
        return outcome;
    }

    /// <summary>What needs the activity: a channel token's serviceurl and key endorsements, an Entra token's caller and tenant.</summary>
    public BotAuthenticationResult CheckActivity(ValidatedBotToken token, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(activity);
        var mismatch = token.IsEntra ? EntraMismatch(token.Identity, activity) : BotFrameworkMismatch(token, activity);
        if (mismatch is not null)
        {
            Log.TokenRejected(this.logger, BotAuthenticationStatus.Invalid, mismatch);
            return BotAuthenticationResult.Invalid(mismatch);
        }
        Log.TokenAccepted(this.logger, token.Issuer);
        return BotAuthenticationResult.Authenticated(token.Identity);
    }

    /// <summary>
    /// Whether the signing keys of every trusted issuer are at hand (a fetch is started for those that are not, waited
    /// for at most <see cref="BotOptions.SigningKeyWait"/>): what readiness reports. Last good keys count while a refresh fails.
    /// </summary>
    public async Task<bool> SigningKeysAvailableAsync(CancellationToken ct)
    {
        foreach (var source in trustedIssuers.Values.Select(issuer => issuer.Metadata).Distinct())
        {
            if (await source.GetAsync(ct).ConfigureAwait(false) is null)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the header carries something that could be a bearer token; anything else is refused before the body is read.</summary>
    public static bool LooksLikeBearer(string? authorizationHeader) =>
        authorizationHeader is not null
        && authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
        && authorizationHeader.Length > BearerPrefix.Length;

    private async Task<(ValidatedBotToken? Token, BotAuthenticationResult? Refusal)> ValidateTokenCoreAsync(string? authorizationHeader, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return (null, BotAuthenticationResult.MissingOrMalformed("No Authorization header"));
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, BotAuthenticationResult.MissingOrMalformed("Authorization scheme is not Bearer"));
        }

        if (ReadJwt(authorizationHeader[BearerPrefix.Length..].Trim()) is not { } jwt)
        {
            return (null, BotAuthenticationResult.MissingOrMalformed("Bearer token is not a JWT"));
        }

        // Everything that can be decided from the token alone comes first, so that no forged token costs a key fetch.
        if (CheapRejection(jwt) is { } reason)
        {
            return (null, BotAuthenticationResult.Invalid(reason));
        }

        var issuer = trustedIssuers[jwt.Issuer];
        var configuration = await issuer.Metadata.GetAsync(ct).ConfigureAwait(false);
        if (configuration is not null && NamesUnknownKey(jwt, configuration))
        {
            configuration = await issuer.Metadata.RefreshAsync(ct).ConfigureAwait(false);
        }

        if (configuration is null)
        {
            return (null, BotAuthenticationResult.KeysUnavailable(issuer.Metadata.RetryAfter));
        }

        var validation = await handler.ValidateTokenAsync(jwt, ValidationParameters(jwt.Issuer, configuration)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return (null, BotAuthenticationResult.Invalid(validation.Exception?.GetType().Name ?? "Token validation failed"));
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, jwt.Kid, StringComparison.Ordinal));
        return (new ValidatedBotToken(validation.ClaimsIdentity, jwt.Issuer, issuer.IsEntra, key is null ? null : Endorsements(key)), null);
    }

    private string? CheapRejection(JsonWebToken jwt)
    {
        if (jwt.IsEncrypted)
        {
            return "Encrypted tokens are not accepted";
        }

        if (string.IsNullOrWhiteSpace(this.options.AppId))
        {
            return "Bot:AppId is not configured";
        }

        // RS256 only: rejects "none" and the HS256-signed-with-the-public-key confusion.
        if (!string.Equals(jwt.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            return "Token algorithm is not RS256";
        }

        if (!trustedIssuers.ContainsKey(jwt.Issuer))
        {
            return "Token issuer is not trusted";
        }

        // One audience, the bot: a token also meant for another app could be replayed to us by that app.
        var audiences = jwt.Audiences.ToList();
        if (audiences.Count != 1 || !string.Equals(audiences[0], this.options.AppId, StringComparison.Ordinal))
        {
            return "Token audience is not this bot";
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return "Token names no signing key";
        }

        if (!jwt.TryGetPayloadValue<long>("exp", out var expires))
        {
            return "Token has no expiry";
        }

        // A token's numbers would otherwise overflow the date arithmetic below (and in the token library) into a 500.
        if (!IsWithinDateRange(expires))
        {
            return "Token expiry out of range";
        }

        var hasNotBefore = jwt.TryGetPayloadValue<long>("nbf", out var notBefore);
        if (hasNotBefore && !IsWithinDateRange(notBefore))
        {
            return "Token start out of range";
        }

        var now = this.timeProvider.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(expires) < now - this.options.ClockSkew)
        {
            return "Token has expired";
        }

        return hasNotBefore && DateTimeOffset.FromUnixTimeSeconds(notBefore) > now + this.options.ClockSkew
            ? "Token is not yet valid"
            : null;
    }

    /// <summary>From the Unix epoch to the last date that still leaves room for the clock skew on either side.</summary>
    private bool IsWithinDateRange(long unixSeconds) =>
        unixSeconds >= 0
        && unixSeconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() - (long)Math.Ceiling(this.options.ClockSkew.TotalSeconds);

    /// <summary>A channel token is only good for the connector and channel it names: Teams' serviceurl claim and the key's endorsements.</summary>
    private static string? BotFrameworkMismatch(ValidatedBotToken token, Activity activity)
    {
        if (token.Identity.FindFirst(ServiceUrlClaim) is not { } serviceUrl)
        {
            return "Token has no serviceurl claim";
        }

        if (!ServiceUrl.AreSame(serviceUrl.Value, activity.ServiceUrl))
        {
            return "Token serviceUrl does not match the activity's";
        }

        if (token.Endorsements is { } endorsements && !endorsements.Contains(activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase))
        {
            return "Signing key is not endorsed for the activity's channel";
        }

        return null;
    }

    /// <summary>
    /// Any app of the tenant can get an Entra token for the bot; only the Bot Service's may speak for Teams, and only for the
    /// tenant it was issued in.
    /// </summary>
    private string? EntraMismatch(ClaimsIdentity identity, Activity activity)
    {
        var version = identity.FindFirst("ver")?.Value;
        var caller = version == "2.0" ? identity.FindFirst("azp")?.Value : identity.FindFirst("appid")?.Value ?? identity.FindFirst("azp")?.Value;
        if (!this.options.IsAllowedCaller(caller))
        {
            return "Token was not issued to the Bot Service";
        }

        var tenant = identity.FindFirst("tid")?.Value;
        if (tenant is null || !string.Equals(tenant, this.options.TenantId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(tenant, activity.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return "Token tenant does not match the activity's";
        }

        return identity.FindFirst(ServiceUrlClaim) is { } serviceUrl && !ServiceUrl.AreSame(serviceUrl.Value, activity.ServiceUrl)
            ? "Token serviceUrl does not match the activity's"
            : null;
    }

    /// <summary>The channels a Bot Framework key may sign for; null when the metadata lists none for it.</summary>
    private static List<string>? Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : "")],
            string single => [single],
            System.Collections.IEnumerable items => [.. items.Cast<object?>().Select(item => item?.ToString() ?? "")],
            _ => [],
        };
    }

    private JsonWebToken? ReadJwt(string token)
    {
        if (token.Length == 0 || !handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is SecurityTokenMalformedException or ArgumentException)
        {
            return null;
        }
    }

    private static bool NamesUnknownKey(JsonWebToken jwt, OpenIdConnectConfiguration configuration) =>
        !configuration.SigningKeys.Any(key => string.Equals(key.KeyId, jwt.Kid, StringComparison.Ordinal));

    private TokenValidationParameters ValidationParameters(string issuer, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = this.options.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = this.options.ClockSkew,
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
        var now = this.timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } notAfter
            && now <= notAfter + clockSkew
            && (notBefore is null || (notBefore <= notAfter && notBefore <= now + clockSkew));
    }

    private static Dictionary<string, TrustedIssuer> TrustedIssuers(BotOptions options, TimeProvider timeProvider, ILogger logger, IHttpClientFactory httpClients)
    {
        var issuers = new Dictionary<string, TrustedIssuer>(StringComparer.Ordinal)
        {
            [options.TokenIssuer] = new(Source(options.OpenIdMetadataUrl), IsEntra: false),
        };

        if (options is { AppType: BotAppType.SingleTenant, TenantId: { Length: > 0 } tenant })
        {
            // Entra signs v1 and v2 tokens with the same tenant keys, published in the v2 metadata.
            var authority = $"{options.AuthorityHost.TrimEnd('/')}/{tenant}/v2.0";
            var entra = new TrustedIssuer(Source($"{authority}/.well-known/openid-configuration"), IsEntra: true);
            issuers[$"https://sts.windows.net/{tenant}/"] = entra;
            issuers[authority] = entra;
        }

        return issuers;

        OpenIdMetadataSource Source(string metadataUrl)
        {
            // Plain http only for a metadata server on this machine, and only where loopback connectors are allowed (Development).
            var requireHttps = !(options.AllowLoopbackServiceUrls && Uri.TryCreate(metadataUrl, UriKind.Absolute, out var uri) && uri.IsLoopback);
            return new OpenIdMetadataSource(
                metadataUrl,
                () => new HttpDocumentRetriever(httpClients.CreateClient(MetadataHttpClientName)) { RequireHttps = requireHttps },
                options.SigningKeyWait,
                timeProvider,
                logger);
        }
    }

    private sealed record TrustedIssuer(OpenIdMetadataSource Metadata, bool IsEntra);
}

/// <summary>
/// A token whose signature, issuer, audience and lifetime passed; what is left is to compare it with the activity it came with.
/// <see cref="Endorsements"/>: the channels its signing key may sign for, null when the metadata lists none.
/// </summary>
public sealed record ValidatedBotToken(ClaimsIdentity Identity, string Issuer, bool IsEntra, IReadOnlyList<string>? Endorsements);
