using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Communities;

/// <summary>What of a community's sheet changed.</summary>
public enum CommunityChangeKind
{
    Phase,
    Theme,
    Goals,
    Role,
}

/// <summary>
/// One change of a community's sheet or of someone's role: who changed it, when, and the old and new value (enum
/// names for phase and role). The leaders' digest reads these ("phase changed since last week").
/// </summary>
public sealed class CommunityChange
{
    public const int ValueLength = 2000;

    public long Id { get; set; }
    public long CommunityId { get; set; }
    public long ByPersonId { get; set; }
    public DateTimeOffset At { get; set; }
    public CommunityChangeKind Kind { get; set; }

    /// <summary>For a role change: whose role changed.</summary>
    public long? SubjectPersonId { get; set; }

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

internal sealed class CommunityChangeConfiguration : IEntityTypeConfiguration<CommunityChange>
{
    public void Configure(EntityTypeBuilder<CommunityChange> builder)
    {
        builder.Property(c => c.At).HasConversion(UnixTime.Converter);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.OldValue).HasMaxLength(CommunityChange.ValueLength);
        builder.Property(c => c.NewValue).HasMaxLength(CommunityChange.ValueLength);
        builder.HasIndex(c => new { c.CommunityId, c.At });
        builder.HasOne<Community>().WithMany().HasForeignKey(c => c.CommunityId);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ByPersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.SubjectPersonId);
    }
}
