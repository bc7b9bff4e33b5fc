using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Delivery;

/// <summary>
/// A conversation or person Teams refused (403) or no longer knows (404). Nothing more is sent to them; the unique
/// key makes sure listeners hear about it once, however many instances see the refusal.
/// </summary>
public sealed class UnreachableRecipient
{
    public long Id { get; set; }

    /// <summary><c>conversation:{rowId}</c> or <c>person:{personId}</c>.</summary>
    public required string RecipientKey { get; set; }
    public required string TenantId { get; set; }
    public long? ConversationRowId { get; set; }
    public long? PersonId { get; set; }

    /// <summary>Status and error code, e.g. <c>HTTP 403 ConversationBlockedByUser</c>.</summary>
    public required string Reason { get; set; }
    public long? OutboxMessageId { get; set; }
    public DateTimeOffset MarkedAt { get; set; }

    public static string KeyFor(long? conversationRowId, long? personId) =>
        personId is { } person ? $"person:{person}" : $"conversation:{conversationRowId}";
}

internal sealed class UnreachableRecipientConfiguration : IEntityTypeConfiguration<UnreachableRecipient>
{
    public void Configure(EntityTypeBuilder<UnreachableRecipient> builder)
    {
        builder.ToTable(OutboxSql.UnreachableTable);
        builder.Property(r => r.RecipientKey).HasMaxLength(64);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(128);
        builder.HasIndex(r => r.RecipientKey).IsUnique();
    }
}
