using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommunityBot.Limits;

namespace CommunityBot.SessionAttendance;

/// <summary>
/// A member said in advance that they cannot come to a session. Kept apart from <see cref="Attendance"/>: regrets are
/// the member's word before the session, attendance the coach's record after it. Taking regrets back deletes the row.
/// </summary>
public sealed class Regret
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public long PersonId { get; set; }

    /// <summary>Only for the coach: shown in the coach's 1:1 message and briefing, never in a channel.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class RegretConfiguration : IEntityTypeConfiguration<Regret>
{
    public void Configure(EntityTypeBuilder<Regret> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(TextLimits.RegretReason);
        builder.Property(r => r.At).HasConversion(UnixTime.Converter);
        builder.HasIndex(r => new { r.SessionId, r.PersonId }).IsUnique();
        builder.HasIndex(r => r.PersonId);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId);
    }
}
