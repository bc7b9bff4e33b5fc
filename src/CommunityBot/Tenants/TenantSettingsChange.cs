using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Tenants;

/// <summary>
/// One setting a tenant admin changed: who, when, and the old and new value as the card shows them (empty for "the
/// default"). Settings are policy, never personal data, so the values may be kept; the admin's card lists the latest.
/// </summary>
public sealed class TenantSettingsChange
{
    public const int ValueLength = TenantSettingsRules.MaxExtraHolidays * 11;

    public long Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>Null once that admin's data was deleted: the history stays.</summary>
    public long? ByPersonId { get; set; }
    public DateTimeOffset At { get; set; }
    public TenantSetting Setting { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>The settings a tenant can change, as the change history names them.</summary>
public enum TenantSetting
{
    Languages,
    QuietHours,
    ExtraHolidays,
    MinimumResponses,
    DigestMoment,
    RetentionSchoolYears,
}

internal sealed class TenantSettingsChangeConfiguration : IEntityTypeConfiguration<TenantSettingsChange>
{
    public void Configure(EntityTypeBuilder<TenantSettingsChange> builder)
    {
        builder.Property(c => c.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(c => c.At).HasConversion(UnixTime.Converter);
        builder.Property(c => c.Setting).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.OldValue).HasMaxLength(TenantSettingsChange.ValueLength);
        builder.Property(c => c.NewValue).HasMaxLength(TenantSettingsChange.ValueLength);
        builder.HasIndex(c => new { c.TenantId, c.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
