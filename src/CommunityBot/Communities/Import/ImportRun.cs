using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Communities.Import;

public enum ImportState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// A large import written in the background: its progress after every batch, so that any instance answers
/// <c>GET /admin/import/{id}</c>, and a run whose instance stopped can be told from one still going.
/// </summary>
public sealed class ImportRun
{
    public const int FailureLength = 300;

    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public ImportState State { get; set; }
    public int Rows { get; set; }
    public int RowsWritten { get; set; }

    /// <summary>The counts so far as JSON (<see cref="ImportSummary"/>, without errors).</summary>
    public string? Summary { get; set; }

    /// <summary>Why a run failed, in words that name no value of the file.</summary>
    public string? Failure { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.Property(r => r.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(2000);
        builder.Property(r => r.Failure).HasMaxLength(ImportRun.FailureLength);
        builder.Property(r => r.CreatedAt).HasConversion(UnixTime.Converter);
        builder.Property(r => r.UpdatedAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(r => r.TenantId);
    }
}
