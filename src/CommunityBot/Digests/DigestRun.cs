using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Digests;

/// <summary>
/// A tenant's digests of one week were made. Claimed with INSERT … ON CONFLICT DO NOTHING in the transaction that
/// enqueues every digest, so one instance makes them, once; a run that fails before its commit leaves no claim.
/// </summary>
public sealed class DigestRun
{
    public long Id { get; set; }
    public required string TenantId { get; set; }

    /// <summary><see cref="DigestPeriod.WeekKey"/>, e.g. <c>2026-W49</c>.</summary>
    public required string WeekKey { get; set; }

    public DateTimeOffset MadeAt { get; set; }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.ToTable("DigestRuns");
        builder.Property(r => r.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(r => r.WeekKey).HasMaxLength(16);
        builder.Property(r => r.MadeAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(r => new { r.WeekKey, r.TenantId }).IsUnique();
    }
}
