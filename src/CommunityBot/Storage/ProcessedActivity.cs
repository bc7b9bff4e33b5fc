using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Storage;

/// <summary>
/// Teams redelivers an activity when it did not get a timely answer. The first delivery claims its key here;
/// a redelivery finds the claim and has no second effect (an invoke gets the first answer again).
/// </summary>
public sealed class ProcessedActivity
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? InvokeResponseJson { get; set; }
}

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(512);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.Property(p => p.ReceivedAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(p => p.ReceivedAt);
    }
}
