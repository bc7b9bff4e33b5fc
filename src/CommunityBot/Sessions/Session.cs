using CommunityBot.Communities;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Sessions;

public enum SessionStatus
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>A meeting of a community. Agreements are due at the next planned session.</summary>
public sealed class Session
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public Community Community { get; set; } = null!;

    /// <summary>UTC instant; shown in the community's time zone.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(2.5);

    /// <summary>A room, a school, or "online".</summary>
    public string? Location { get; set; }

    public string? OnlineUrl { get; set; }

    public SessionStatus Status { get; set; } = SessionStatus.Planned;

    /// <summary>Bumped whenever the session moves, so plans computed from the old time are recognisably stale.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public List<Attendance> Attendance { get; } = [];
}

/// <summary>
/// Who was at a held session, as the coach recorded it: one row per person once attendance is taken. A session without
/// rows has no attendance recorded, which is not the same as nobody present.
/// </summary>
public sealed class Attendance
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public long PersonId { get; set; }
    public bool Present { get; set; }

    /// <summary>The coach who saved this value last, and when (null for rows written before attendance cards).</summary>
    public long? RecordedByPersonId { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.Location).HasMaxLength(300);
        builder.Property(s => s.OnlineUrl).HasMaxLength(1000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // Unix milliseconds, so the sweeps can compare and order start times in SQL on both providers.
        builder.Property(s => s.StartsAt).HasConversion(UnixTime.Converter);
        builder.Property(s => s.CreatedAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(s => new { s.CommunityId, s.StartsAt });
        // Sessions that have started but are still "planned" (held sweep).
        builder.HasIndex(s => new { s.Status, s.StartsAt });
        builder.HasOne(s => s.Community).WithMany().HasForeignKey(s => s.CommunityId);
        builder.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.HasIndex(a => new { a.SessionId, a.PersonId }).IsUnique();
        builder.Property(a => a.RecordedAt).HasConversion(UnixTime.NullableConverter);
    }
}
