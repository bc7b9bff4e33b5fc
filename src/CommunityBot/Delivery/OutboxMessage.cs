using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Delivery;

public enum OutboxState
{
    Pending,
    /// <summary>Claimed by an instance until <see cref="OutboxMessage.ClaimedUntil"/>; a lapsed claim is taken over.</summary>
    Sending,
    Sent,
    /// <summary>Parked after too many attempts or a request Teams rejects: visible to admins, never retried.</summary>
    Failed,
    /// <summary>The recipient blocked or removed the bot, or no longer exists.</summary>
    Unreachable,
}

/// <summary>
/// One row per proactive message. Times are stored as Unix milliseconds so that the claim query compares plain
/// integers, in the same SQL on SQLite and PostgreSQL.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string DedupeKey { get; set; }
    public required string TenantId { get; set; }
    public long? ConversationRowId { get; set; }
    public long? PersonId { get; set; }
    /// <summary>The card as it goes on the wire: read from its column once, then passed on without re-serialising.</summary>
    public JsonElement? Card { get; set; }
    public string? Text { get; set; }
    public string? ReplacesDedupeKey { get; set; }
    public required string Purpose { get; set; }
    public DeliveryPriority Priority { get; set; } = DeliveryPriority.Normal;

    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public long NextAttemptAt { get; set; }

    /// <summary>A status and error code such as <c>HTTP 503 ServiceUnavailable</c>; never message text.</summary>
    public string? LastError { get; set; }

    public string? ClaimedBy { get; set; }
    public long? ClaimedUntil { get; set; }

    public string? ActivityId { get; set; }
    public string? SentConversationId { get; set; }
    public long? SentConversationRowId { get; set; }

    public long CreatedAt { get; set; }
    public long? SentAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(OutboxSql.Table);
        builder.Property(m => m.Card).HasColumnName("CardJson").HasConversion(
            new ValueConverter<JsonElement, string>(card => card.GetRawText(), json => ReadCard(json)),
            new ValueComparer<JsonElement>((a, b) => a.GetRawText() == b.GetRawText(), card => card.GetRawText().GetHashCode(StringComparison.Ordinal)));
        builder.Property(m => m.DedupeKey).HasMaxLength(256);
        builder.Property(m => m.ReplacesDedupeKey).HasMaxLength(256);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.Purpose).HasMaxLength(32);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(128);
        builder.Property(m => m.ClaimedBy).HasMaxLength(64);
        builder.Property(m => m.ActivityId).HasMaxLength(256);
        builder.Property(m => m.SentConversationId).HasMaxLength(512);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => new { m.State, m.Priority, m.NextAttemptAt });
        // The claim on PostgreSQL finds the conversations another instance sent to in the last seconds through it.
        builder.HasIndex(m => new { m.State, m.SentAt });
        builder.HasIndex(m => m.ReplacesDedupeKey);
    }

    private static JsonElement ReadCard(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
