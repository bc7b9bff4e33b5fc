namespace CommunityBot.Intervision.Graph;

/// <summary>
/// The "Graph" section: the app registration that reads free/busy and books Teams meetings. Credentials go only through
/// Azure.Identity: a client secret, a certificate, or the host's managed identity, exactly one of them.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX (or PEM with its key) file; <see cref="CertificatePassword"/> opens a protected PFX.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public bool UseManagedIdentity { get; set; }

    /// <summary>A user-assigned managed identity; empty means the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>How long one Graph operation may take in all, retries after 429/503/504 included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Any setting that names an app or a credential: then Graph is meant to be used and must be complete.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrEmpty(ClientSecret)
        || !string.IsNullOrWhiteSpace(CertificatePath) || UseManagedIdentity;
}
