using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Tenants;

/// <summary>
/// What a tenant admin chose for the tenant. Every setting is nullable: null means "the configured default", so a
/// changed default in configuration reaches every tenant that never chose otherwise.
/// </summary>
public sealed class TenantSettingsRow
{
    public required string TenantId { get; set; }

    /// <summary>Language tags in order ("nl,en"): the first is the one new people get when Teams' locale is not offered.</summary>
    public string? Languages { get; set; }

    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>ISO dates separated by commas ("2026-02-13,2026-03-02"): a short list, read whole with the row.</summary>
    public string? ExtraHolidays { get; set; }

    public int? MinimumResponses { get; set; }
    public DayOfWeek? DigestDay { get; set; }
    public TimeOnly? DigestTime { get; set; }
    public int? RetentionSchoolYears { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Null once that admin's data was deleted: the settings stay.</summary>
    public long? UpdatedByPersonId { get; set; }
}

internal sealed class TenantSettingsRowConfiguration : IEntityTypeConfiguration<TenantSettingsRow>
{
    public void Configure(EntityTypeBuilder<TenantSettingsRow> builder)
    {
        builder.ToTable("TenantSettings");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(s => s.Languages).HasMaxLength(16);
        builder.Property(s => s.ExtraHolidays).HasMaxLength(TenantSettingsRules.MaxExtraHolidays * 11);
        builder.Property(s => s.DigestDay).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.UpdatedAt).HasConversion(UnixTime.Converter);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.UpdatedByPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
