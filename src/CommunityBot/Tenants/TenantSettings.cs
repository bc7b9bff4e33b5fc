using CommunityBot.Localization;

namespace CommunityBot.Tenants;

/// <summary>
/// What a tenant (a school group) may set for itself, on top of the defaults from configuration: the languages it
/// speaks, its quiet hours and extra days off, k for check-ins, the digest's day and time, and how long history is kept.
/// </summary>
public sealed record TenantSettings
{
    public required IReadOnlyList<Language> Languages { get; init; }

    public required TimeOnly QuietHoursStart { get; init; }

    public required TimeOnly QuietHoursEnd { get; init; }

    public required IReadOnlyList<DateOnly> ExtraHolidays { get; init; }

    /// <summary>k: a check-in's results are shown only when at least this many members answered.</summary>
    public required int MinimumResponses { get; init; }

    public required DayOfWeek DigestDay { get; init; }

    public required TimeOnly DigestTime { get; init; }

    /// <summary>Answer history and check-in answers older than this many school years are deleted.</summary>
    public required int RetentionSchoolYears { get; init; }
}

/// <summary>A tenant's settings: what it stored, and configuration for everything it did not.</summary>
public interface ITenantSettings
{
    Task<TenantSettings> ForTenantAsync(string tenantId, CancellationToken cancellationToken);
}
