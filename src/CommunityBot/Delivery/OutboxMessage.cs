using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Delivery;

public enum OutboxState
{
    Pending,
    Sent,
}

/// <summary>
/// Stand-in for feat/delivery's outbox row (same names for the columns features and tests read), so agreements can
/// be built before that branch lands; the merge takes feat/delivery's version.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string DedupeKey { get; set; }
    public required string TenantId { get; set; }
    public long? ConversationRowId { get; set; }
    public long? PersonId { get; set; }
    public string? CardJson { get; set; }
    public string? Text { get; set; }
    public string? ReplacesDedupeKey { get; set; }
    public required string Purpose { get; set; }
    public OutboxState State { get; set; }
    public long NextAttemptAt { get; set; }
    public long CreatedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.DedupeKey).HasMaxLength(256);
        builder.Property(m => m.ReplacesDedupeKey).HasMaxLength(256);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.Purpose).HasMaxLength(32);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
    }
}
