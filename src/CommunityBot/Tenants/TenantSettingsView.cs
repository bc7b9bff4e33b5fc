namespace CommunityBot.Tenants;

/// <summary>What the settings card shows: the tenant's values, the configured defaults, and the latest changes.</summary>
public sealed record TenantSettingsView(TenantSettings Current, TenantSettings Defaults, DateOnly Today, TimeZoneInfo Zone, IReadOnlyList<TenantSettingsChangeLine> Changes)
{
    /// <summary>Days off that are past matter no more to anyone choosing: the card lists those from today on.</summary>
    public static IReadOnlyList<DateOnly> Upcoming(TenantSettings settings, DateOnly today) => [.. settings.ExtraHolidays.Where(d => d >= today).Order()];
}

/// <summary>One line of the history: <paramref name="By"/> is null once that admin's data was deleted.</summary>
public sealed record TenantSettingsChangeLine(DateTimeOffset At, string? By, TenantSetting Setting, string? Old, string? New);

public enum TenantSettingsOutcomeKind
{
    Shown,
    Saved,
    Reset,
    Invalid,
    NotAllowed,
}

public sealed record TenantSettingsOutcome(TenantSettingsOutcomeKind Kind, TenantSettingsView? View = null, IReadOnlyList<string>? Errors = null);
