using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Admin;

/// <summary>
/// The "AzureAd" section: the app registration admins sign in to. Its app role <see cref="AdminRole"/> makes an admin of
/// the tenant in the token's <c>tid</c>. Required outside Development; without it, Development admits callers on this
/// machine only.
/// </summary>
public sealed class AzureAdOptions
{
    public const string Section = "AzureAd";

    /// <summary>The value of the <c>roles</c> claim an admin's token carries (an app role of the registration).</summary>
    public const string AdminRole = "admin";

    [Required, Url]
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The hosting tenant: where the app is registered, whose signing keys are read, whose admins see the job dashboard.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The audience tokens are issued for; default <c>api://{ClientId}</c>. The client id itself is accepted too.</summary>
    public string? Audience { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    public string Authority(string tenantId) => $"{Instance.TrimEnd('/')}/{tenantId}/v2.0";

    public string MetadataAddress => $"{Authority(TenantId!)}/.well-known/openid-configuration";

    public IReadOnlyList<string> Audiences => [string.IsNullOrWhiteSpace(Audience) ? $"api://{ClientId}" : Audience, ClientId!];
}
