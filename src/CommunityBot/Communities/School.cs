using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Communities;

/// <summary>A school of the tenant (the school group). People belong to one; leaders follow the communities of theirs.</summary>
public sealed class School
{
    public const int NameLength = 200;

    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(School.NameLength);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
    }
}
