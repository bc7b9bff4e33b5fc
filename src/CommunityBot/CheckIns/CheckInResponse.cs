using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommunityBot.Limits;

namespace CommunityBot.CheckIns;

/// <summary>
/// One member's answers to one round, under their pseudonym (<see cref="CheckInPseudonyms"/>). Deliberately no person
/// id, name or conversation: nothing in this row or its answers leads back to a person without the secret.
/// </summary>
public sealed class CheckInResponse
{
    public long Id { get; set; }
    public long CheckInId { get; set; }
    public CheckIn CheckIn { get; set; } = null!;
    public required string Pseudonym { get; set; }

    /// <summary>The <see cref="CheckInsOptions.PseudonymKeyVersion"/> the pseudonym was made with.</summary>
    public int KeyVersion { get; set; }

    public string? Comment { get; set; }

    /// <summary>The day (UTC midnight) of the first answer and of the last change; never the exact moment.</summary>
    public DateTimeOffset AnsweredAt { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    public List<CheckInAnswer> Answers { get; } = [];
}

/// <summary>The answer to one item, as given (1–5, before reverse scoring).</summary>
public sealed class CheckInAnswer
{
    public const int ItemIdLength = 40;

    public long Id { get; set; }
    public long ResponseId { get; set; }
    public required string ItemId { get; set; }
    public int Value { get; set; }
}

internal sealed class CheckInResponseConfiguration : IEntityTypeConfiguration<CheckInResponse>
{
    public void Configure(EntityTypeBuilder<CheckInResponse> builder)
    {
        builder.Property(r => r.Pseudonym).HasMaxLength(CheckInPseudonyms.KeyLength);
        builder.Property(r => r.Comment).HasMaxLength(TextLimits.CheckInComment);
        builder.Property(r => r.AnsweredAt).HasConversion(UnixTime.Converter);
        builder.Property(r => r.ChangedAt).HasConversion(UnixTime.NullableConverter);
        // One response per member and round: a second answer changes the first.
        builder.HasIndex(r => new { r.CheckInId, r.Pseudonym }).IsUnique();
        builder.HasIndex(r => r.Pseudonym);
        builder.HasOne(r => r.CheckIn).WithMany().HasForeignKey(r => r.CheckInId);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInAnswerConfiguration : IEntityTypeConfiguration<CheckInAnswer>
{
    public void Configure(EntityTypeBuilder<CheckInAnswer> builder)
    {
        builder.Property(a => a.ItemId).HasMaxLength(CheckInAnswer.ItemIdLength);
        builder.HasIndex(a => new { a.ResponseId, a.ItemId }).IsUnique();
    }
}
