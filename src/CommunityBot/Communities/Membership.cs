using CommunityBot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    /// <summary>Set when the person left (removed from the team, or by an admin); history keeps the row.</summary>
    public DateTimeOffset? LeftAt { get; set; }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => new { m.CommunityId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
        builder.HasOne(m => m.Community).WithMany(c => c.Memberships).HasForeignKey(m => m.CommunityId);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
    }
}
