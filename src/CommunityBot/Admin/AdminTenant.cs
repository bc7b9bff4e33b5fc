using System.Security.Claims;

namespace CommunityBot.Admin;

/// <summary>The tenant an admin request acts for: the caller's own (<c>tid</c>), never another.</summary>
public static class AdminTenant
{
    /// <summary>The Entra tenant id claim; an automation key's principal carries its tenant under the same name.</summary>
    public const string ClaimType = "tid";

    public const string KeyIdClaimType = "automation_key_id";

    /// <summary>
    /// The tenant of the caller, checked against the one the request names. A signed-in admin or a key acts for its own
    /// tenant only: naming another is <see cref="TenantChoice.Refused"/>. A Development caller on this machine has none and
    /// acts for the tenant it names (<see cref="TenantChoice.Tenant"/> null when it names none).
    /// </summary>
    public static TenantChoice Resolve(ClaimsPrincipal user, string? requested)
    {
        var own = user.FindFirst(ClaimType)?.Value;
        var named = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (own is null)
        {
            return new TenantChoice(named, Refused: false);
        }
        return named is null || string.Equals(named, own, StringComparison.OrdinalIgnoreCase)
            ? new TenantChoice(own, Refused: false)
            : new TenantChoice(null, Refused: true);
    }
}

/// <summary>The tenant to act for, or a refusal (another tenant was named).</summary>
public sealed record TenantChoice(string? Tenant, bool Refused);
