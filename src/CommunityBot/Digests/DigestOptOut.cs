using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Digests;

/// <summary>Someone who said <c>digest uit</c>: no weekly digest until <c>digest aan</c> removes the row.</summary>
public sealed class DigestOptOut
{
    public long PersonId { get; set; }
    public DateTimeOffset Since { get; set; }
}

internal sealed class DigestOptOutConfiguration : IEntityTypeConfiguration<DigestOptOut>
{
    public void Configure(EntityTypeBuilder<DigestOptOut> builder)
    {
        builder.ToTable("DigestOptOuts");
        builder.HasKey(o => o.PersonId);
        builder.Property(o => o.PersonId).ValueGeneratedNever();
        builder.Property(o => o.Since).HasConversion(UnixTime.Converter);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
