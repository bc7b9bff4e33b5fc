using CommunityBot.Communities;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.CheckIns;

public enum CheckInState
{
    Open,
    Closed,
}

/// <summary>One round of the check-in in one community: a window in which its members may answer, and may change their answers.</summary>
public sealed class CheckIn
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public Community Community { get; set; } = null!;

    /// <summary>The instrument version the round asks, kept so answers are always read against their own items.</summary>
    public int InstrumentVersion { get; set; }

    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public CheckInState State { get; set; }

    /// <summary>
    /// The active members (role Member, not paused) when the round opened: the response rate's denominator. Fixed at
    /// opening, so a member who leaves after answering neither lowers the count of answers nor raises the rate.
    /// </summary>
    public int InvitedCount { get; set; }

    /// <summary>When the one reminder to those who have not answered is due; null once sent, or when the rule skips it.</summary>
    public DateTimeOffset? ReminderDueAt { get; set; }

    public bool IsOpenAt(DateTimeOffset moment) => State == CheckInState.Open && OpensAt <= moment && moment < ClosesAt;
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.Property(c => c.OpensAt).HasConversion(UnixTime.Converter);
        builder.Property(c => c.ClosesAt).HasConversion(UnixTime.Converter);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ReminderDueAt).HasConversion(UnixTime.NullableConverter);
        builder.HasIndex(c => new { c.CommunityId, c.OpensAt });
        // At most one open round per community, whoever opens it (the sweep on two instances, the dev command).
        builder.HasIndex(c => c.CommunityId).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("IX_CheckIns_OneOpenPerCommunity");
        // The closing sweep reads open rounds whose window has passed.
        builder.HasIndex(c => new { c.State, c.ClosesAt });
        // The reminder sweep reads only rounds whose reminder is due.
        builder.HasIndex(c => c.ReminderDueAt);
        builder.HasOne(c => c.Community).WithMany().HasForeignKey(c => c.CommunityId);
    }
}
