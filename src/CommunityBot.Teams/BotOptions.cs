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

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId)
        && (!string.IsNullOrWhiteSpace(AppPassword) || !string.IsNullOrWhiteSpace(CertificatePath));

    public bool IsTenantAllowed(string? tenantId) =>
        AllowedTenants.Count == 0 || (tenantId is not null && AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(AppId) && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult("Bot:TenantId is required when Bot:AppType is SingleTenant.", [nameof(TenantId)]);
        }
    }
}
