using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommunityBot.Limits;

namespace CommunityBot.Communities;

/// <summary>What someone is in a community. Tenant admins are marked on <see cref="Person.IsTenantAdmin"/>.</summary>
public enum CommunityRole
{
    Member,
    Coach,
    CoachTheCoach,
    Leader,
}

/// <summary>One person's role in one community (one role per person per community).</summary>
public sealed class Membership
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public Community Community { get; set; } = null!;
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public CommunityRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Set when the person left (removed from the team, by an admin, or by <c>leave</c>); history keeps the row.</summary>
    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>
    /// A pause the member chose (<c>pauze</c>): from this moment no reminders or check-ins. Null when never paused;
    /// <c>back</c> ends it by setting <see cref="PausedUntil"/> to that moment.
    /// </summary>
    public DateTimeOffset? PausedFrom { get; set; }

    /// <summary>The first moment after the pause (exclusive); null with <see cref="PausedFrom"/> set: until the member says <c>back</c>.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>Only for the coach, and only when the member gave one.</summary>
    public string? PauseReason { get; set; }

    public bool IsPausedAt(DateTimeOffset moment) =>
        PausedFrom is { } from && from <= moment && (PausedUntil is not { } until || moment < until);
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.PausedFrom).HasConversion(UnixTime.NullableConverter);
        builder.Property(m => m.PausedUntil).HasConversion(UnixTime.NullableConverter);
        builder.Property(m => m.PauseReason).HasMaxLength(TextLimits.PauseReason);
        builder.HasIndex(m => new { m.CommunityId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
        builder.HasOne(m => m.Community).WithMany(c => c.Memberships).HasForeignKey(m => m.CommunityId);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
    }
}
