namespace CommunityBot.Tenants;

/// <summary>What the settings card sends back: every input as text, untrusted. The tenant is always the actor's own.</summary>
public sealed record TenantSettingsForm
{
    public string? Languages { get; init; }
    public string? QuietStart { get; init; }
    public string? QuietEnd { get; init; }
    public string? Holidays { get; init; }
    public string? K { get; init; }
    public string? DigestDay { get; init; }
    public string? DigestTime { get; init; }
    public string? Retention { get; init; }
}

/// <summary>The reset button's data: nothing, the tenant is the actor's own.</summary>
public sealed record TenantSettingsReset;

public static class TenantSettingsVerbs
{
    public const string Save = "settings.save";
    public const string Reset = "settings.reset";
}
