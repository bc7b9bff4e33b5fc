using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Agreements;

public enum CloseLoopState
{
    /// <summary>Waiting for the evening after the session.</summary>
    Planned,

    /// <summary>Handed to the outbox for every coach.</summary>
    Sent,

    /// <summary>Nothing due at the session or still open before it was left to close, so nothing was sent.</summary>
    NothingToClose,

    /// <summary>The session was cancelled (or moved: a new version replaces the row's moment).</summary>
    Cancelled,
}

/// <summary>
/// When the coaches get a session's close-the-loop card: the evening after it. One row per session, written when the
/// session is planned, moved or cancelled (<see cref="CloseLoopPlanner"/>), read by the sweep only once due.
/// </summary>
public sealed class CloseLoopPlan
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int SessionVersion { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public CloseLoopState State { get; set; }
}

internal sealed class CloseLoopPlanConfiguration : IEntityTypeConfiguration<CloseLoopPlan>
{
    public void Configure(EntityTypeBuilder<CloseLoopPlan> builder)
    {
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DueAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(p => p.SessionId).IsUnique();
        builder.HasIndex(p => new { p.State, p.DueAt });
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId);
    }
}
