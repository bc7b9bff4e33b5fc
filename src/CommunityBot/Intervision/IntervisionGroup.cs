using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Intervision;

/// <summary>
/// A coach-the-coach and the process coaches they support, across communities and schools (seeds 002/003:
/// "intervisie tussen procescoaches, om de 6 à 8 weken"), with when and how long they like to meet.
/// </summary>
public sealed class IntervisionGroup
{
    public const int NameLength = 200;
    public const int MinCadenceWeeks = 4;
    public const int MaxCadenceWeeks = 12;
    public const int DefaultCadenceWeeks = 6;
    public const int DefaultDurationMinutes = 90;
    public static readonly int[] DurationChoices = [60, 75, 90, 105, 120, 150, 180];
    public static readonly TimeOnly DefaultDayStart = new(9, 0);
    public static readonly TimeOnly DefaultDayEnd = new(17, 0);

    /// <summary>Monday to Friday, one bit per <see cref="DayOfWeek"/>.</summary>
    public const int DefaultWorkingDays = 0b0111110;

    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public long CoachTheCoachId { get; set; }
    public Person CoachTheCoach { get; set; } = null!;
    public int CadenceWeeks { get; set; } = DefaultCadenceWeeks;
    public int DurationMinutes { get; set; } = DefaultDurationMinutes;

    /// <summary>The days the group meets on, one bit per <see cref="DayOfWeek"/> (bit 0 Sunday).</summary>
    public int WorkingDays { get; set; } = DefaultWorkingDays;

    public TimeOnly DayStart { get; set; } = DefaultDayStart;
    public TimeOnly DayEnd { get; set; } = DefaultDayEnd;
    public string TimeZone { get; set; } = "Europe/Brussels";

    /// <summary>The language of the meeting's subject and body in everyone's calendar.</summary>
    public Language Language { get; set; } = Language.Dutch;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the schedule proposes the next intervision: cadence weeks after the last booked one (or after the group was
    /// created); null while a vote or booking is under way. The sweep reads only rows whose moment has come.
    /// </summary>
    public DateTimeOffset? NextProposalAt { get; set; }

    public List<IntervisionGroupMember> Members { get; } = [];

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    public IReadOnlySet<DayOfWeek> Days => Enum.GetValues<DayOfWeek>().Where(d => (WorkingDays & (1 << (int)d)) != 0).ToHashSet();

    public static int DaysMask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, d) => mask | (1 << (int)d));
}

/// <summary>A process coach in an intervision group.</summary>
public sealed class IntervisionGroupMember
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
}

internal sealed class IntervisionGroupConfiguration : IEntityTypeConfiguration<IntervisionGroup>
{
    public void Configure(EntityTypeBuilder<IntervisionGroup> builder)
    {
        builder.ToTable("IntervisionGroups");
        builder.Property(g => g.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(g => g.Name).HasMaxLength(IntervisionGroup.NameLength);
        builder.Property(g => g.TimeZone).HasMaxLength(64);
        builder.Property(g => g.Language).HasConversion<string>().HasMaxLength(8);
        builder.Property(g => g.CreatedAt).HasConversion(UnixTime.Converter);
        builder.Property(g => g.NextProposalAt).HasConversion(UnixTime.NullableConverter);
        builder.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
        builder.HasIndex(g => g.NextProposalAt);
        builder.HasIndex(g => g.CoachTheCoachId);
        builder.HasOne(g => g.CoachTheCoach).WithMany().HasForeignKey(g => g.CoachTheCoachId);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId);
        builder.Ignore(g => g.Days);
        builder.Ignore(g => g.Duration);
    }
}

internal sealed class IntervisionGroupMemberConfiguration : IEntityTypeConfiguration<IntervisionGroupMember>
{
    public void Configure(EntityTypeBuilder<IntervisionGroupMember> builder)
    {
        builder.ToTable("IntervisionGroupMembers");
        builder.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
    }
}
