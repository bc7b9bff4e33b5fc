using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Nudges;

public enum RecordNudgeState
{
    /// <summary>Waiting for the evening after the session.</summary>
    Planned,

    /// <summary>The coaches were asked, or agreements were already recorded: nothing more to do.</summary>
    Done,

    /// <summary>The session was cancelled or moved, or the moment passed while the bot could not write.</summary>
    Cancelled,
}

/// <summary>
/// When to ask the coaches to record a session's agreements: the evening after it (or its end, if later), and no
/// longer after <see cref="Until"/>. Written when the session is planned or moved (<see cref="NudgePlanner"/>).
/// </summary>
public sealed class RecordNudgePlan
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int SessionVersion { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset Until { get; set; }
    public RecordNudgeState State { get; set; }
}

internal sealed class RecordNudgePlanConfiguration : IEntityTypeConfiguration<RecordNudgePlan>
{
    public void Configure(EntityTypeBuilder<RecordNudgePlan> builder)
    {
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DueAt).HasConversion(UnixTime.Converter);
        builder.Property(p => p.Until).HasConversion(UnixTime.Converter);
        builder.HasIndex(p => p.SessionId).IsUnique();
        builder.HasIndex(p => new { p.State, p.DueAt });
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId);
    }
}
