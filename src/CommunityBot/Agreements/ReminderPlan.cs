using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Agreements;

public enum ReminderState
{
    /// <summary>Waiting for its moment.</summary>
    Planned,

    /// <summary>Handed to the outbox.</summary>
    Sent,

    /// <summary>
    /// Its moment had passed (or came before the agreement) when it was planned, or the owner was on a pause or had
    /// left when it came due; kept so the decision is visible.
    /// </summary>
    Skipped,

    /// <summary>The session moved (a newer plan replaces it) or the agreement no longer needs reminding.</summary>
    Cancelled,
}

/// <summary>
/// One reminder for one owner at one offset, computed from one version of the due session. The database is the
/// truth: the sweep sends what is due here, and a moved session leaves the old rows cancelled.
/// </summary>
public sealed class ReminderPlan
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public long PersonId { get; set; }
    public int OffsetDays { get; set; }
    public long SessionId { get; set; }
    public int SessionVersion { get; set; }

    /// <summary>Null for a skipped plan.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public ReminderState State { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>
    /// The session id is in the key besides its version: an agreement whose session was cancelled moves to another
    /// session, which may have the same version number.
    /// </summary>
    public string DedupeKey => KeyFor(AgreementId, PersonId, OffsetDays, SessionId, SessionVersion);

    public static string KeyFor(long agreementId, long personId, int offsetDays, long sessionId, int sessionVersion) =>
        $"reminder:{agreementId}:{personId}:{offsetDays}:s{sessionId}:v{sessionVersion}";
}

internal sealed class ReminderPlanConfiguration : IEntityTypeConfiguration<ReminderPlan>
{
    public void Configure(EntityTypeBuilder<ReminderPlan> builder)
    {
        builder.Ignore(r => r.DedupeKey);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DueAt).HasConversion(UnixTime.NullableConverter);
        builder.HasIndex(r => new { r.AgreementId, r.PersonId, r.OffsetDays, r.SessionId, r.SessionVersion }).IsUnique();
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId);
    }
}
