using CommunityBot.Communities;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.CheckIns;

public enum CheckInPlanState
{
    /// <summary>Waiting for its opening moment.</summary>
    Planned,

    /// <summary>A round was opened (or one was already open, which this plan then joined).</summary>
    Opened,
}

/// <summary>
/// When a community's next round opens: the school morning after a held session, one row per held session written in
/// the transaction that marks it held (<see cref="CheckInPlanner"/>); or, for a community with a rhythm of every N
/// weeks, one row without a session (<see cref="CheckInRhythm"/>). The sweep reads a row only once due.
/// </summary>
public sealed class CheckInPlan
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    /// <summary>The held session this round follows; null for a community's every-N-weeks rhythm.</summary>
    public long? SessionId { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public CheckInPlanState State { get; set; }
}

internal sealed class CheckInPlanConfiguration : IEntityTypeConfiguration<CheckInPlan>
{
    public void Configure(EntityTypeBuilder<CheckInPlan> builder)
    {
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.OpensAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(p => p.SessionId).IsUnique();
        builder.HasIndex(p => new { p.State, p.OpensAt });
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId);
        builder.HasOne<Community>().WithMany().HasForeignKey(p => p.CommunityId);
    }
}
