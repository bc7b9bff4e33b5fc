using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Briefings;

public enum BriefingState
{
    /// <summary>Waiting for its moment.</summary>
    Planned,

    /// <summary>Handed to the outbox for every coach.</summary>
    Sent,

    /// <summary>The session was cancelled, held or moved past without a briefing.</summary>
    Cancelled,
}

/// <summary>
/// When the coaches of a session get their briefing: one row per session, for its current version. Written when the
/// session is planned, moved or cancelled (<see cref="BriefingPlanner"/>), read by the sweep only once due.
/// </summary>
public sealed class BriefingPlan
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int SessionVersion { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public BriefingState State { get; set; }
}

internal sealed class BriefingPlanConfiguration : IEntityTypeConfiguration<BriefingPlan>
{
    public void Configure(EntityTypeBuilder<BriefingPlan> builder)
    {
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DueAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(p => p.SessionId).IsUnique();
        builder.HasIndex(p => new { p.State, p.DueAt });
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId);
    }
}
