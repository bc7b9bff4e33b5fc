using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Teams;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
}

/// <summary>The "Bot" configuration section: who the bot is and whom it accepts.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>The Entra app id of the bot. Empty only in Development, where the bot runs without auth on loopback.</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>Path to a PFX certificate used instead of a password for outbound tokens.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The bot's home tenant: required for single-tenant bots.</summary>
    public string? TenantId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>Tenants whose activities are accepted. Empty means every tenant.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>Where Bot Framework channel tokens are described.</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra authority host for outbound tokens and single-tenant inbound tokens.</summary>
    [Required, Url]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    [Range(typeof(TimeSpan), "00:00:00", "00:15:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a request waits for the signing keys while they are being fetched before it is answered 503 (Teams
    /// retries); the fetch itself goes on. Short, so that a slow metadata endpoint never holds requests.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan SigningKeyWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest one fetch of OpenID metadata or signing keys may take before it counts as failed (then retried after
    /// 30 s): a metadata endpoint that hangs frees the fetch in seconds, not after HttpClient's 100 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan SigningKeyFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest one call to the Bot Connector (a send, an update, a roster page) may take before it counts as a
    /// transient failure, which the outbox retries with back-off; HttpClient's default would be 100 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Apps whose Entra tokens a single-tenant bot accepts (the token's <c>appid</c> or <c>azp</c>), besides
    /// <see cref="BotServiceAppId"/>. Any other app of the tenant can get a token for the bot and must not be able to talk as Teams.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>
    /// Hosts of connector service URLs, besides <see cref="DefaultConnectorHosts"/>, that may receive the bot's token;
    /// <c>*.example.com</c> matches every subdomain. Always https.
    /// </summary>
    public List<string> ConnectorHosts { get; set; } = [];

    /// <summary>
    /// Set by the host, not by configuration: true only in Development, where the Agents Playground, the fake connector and
    /// a local metadata server are plain http on loopback.
    /// </summary>
    public bool AllowLoopbackServiceUrls { get; set; }

    /// <summary>The Azure Bot Service's app: the <c>azp</c>/<c>appid</c> of the Entra tokens it sends (what the Agents SDK names as the APX production app).</summary>
    public const string BotServiceAppId = "5a807f24-c9de-44ee-a3a7-329e88a00ffc";

    /// <summary>Where Teams and the Bot Framework channels host their connectors (public cloud, GCC, GCC High, DoD).</summary>
    public static IReadOnlyList<string> DefaultConnectorHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId)
        && (!string.IsNullOrWhiteSpace(AppPassword) || !string.IsNullOrWhiteSpace(CertificatePath));

    public bool IsTenantAllowed(string? tenantId) =>
        AllowedTenants.Count == 0 || (tenantId is not null && AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    public bool IsAllowedCaller(string? appId) =>
        appId is not null && (appId == BotServiceAppId || AllowedCallers.Contains(appId, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// True when <paramref name="serviceUrl"/> is a connector the bot may send its token to: https on an allowed host, or
    /// loopback when <see cref="AllowLoopbackServiceUrls"/>.
    /// </summary>
    public bool IsConnectorServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsConnectorServiceUrl(uri);

    public bool IsConnectorServiceUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.IsLoopback)
        {
            return AllowLoopbackServiceUrls && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        }
        return uri.Scheme == Uri.UriSchemeHttps && DefaultConnectorHosts.Concat(ConnectorHosts).Any(pattern => HostMatches(uri.IdnHost, pattern));
    }

    private static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(AppId) && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult("Bot:TenantId is required when Bot:AppType is SingleTenant.", [nameof(TenantId)]);
        }
    }
}
