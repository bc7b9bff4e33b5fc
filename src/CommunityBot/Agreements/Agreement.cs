using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>The three kinds of "homework" a group agrees on at the end of a session (PEDAGOGY.md).</summary>
public enum AgreementKind
{
    Finish,
    Review,
    Provide,
}

/// <summary>
/// An owner's own answer, and the agreement's status derived from all of them (<see cref="Agreement.Derive"/>).
/// Dropped is only ever the agreement's, set by a coach.
/// </summary>
public enum AgreementStatus
{
    Open,
    Done,
    NeedHelp,
    WontMakeIt,
    Dropped,
}

/// <summary>What someone (or the whole group) does before a session, and who depends on it.</summary>
public sealed class Agreement
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public Community Community { get; set; } = null!;

    /// <summary>The session it was agreed at; null when recorded before the community's first session.</summary>
    public long? MadeAtSessionId { get; set; }

    /// <summary>The session it is due at; null until the next session is planned (it then becomes that one).</summary>
    public long? DueSessionId { get; set; }

    public AgreementKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>The whole group owns it: every member at the time of recording is an owner.</summary>
    public bool WholeGroup { get; set; }

    /// <summary>The whole group depends on it.</summary>
    public bool WholeGroupDepends { get; set; }

    /// <summary>
    /// Derived from the owners' answers in the transaction that changes them (<see cref="Derive"/>), except Dropped;
    /// stored so queries and sweeps can filter on it.
    /// </summary>
    public AgreementStatus Status { get; set; } = AgreementStatus.Open;
    public long RecordedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<AgreementOwner> Owners { get; } = [];
    public List<AgreementDependant> Dependants { get; } = [];
    public List<AgreementChange> History { get; } = [];

    /// <summary>Still something to do: reminders go out and the briefing lists it as pending.</summary>
    public bool IsActive => Status is AgreementStatus.Open or AgreementStatus.NeedHelp;

    /// <summary>
    /// The agreement's status from its owners' answers: done when every owner is done; while anyone still has it to do,
    /// open, or need help when one of them asked; when nobody has it to do any more but not all are done (the rest
    /// said they won't make it), won't make it. Dropped is never derived: only a coach drops an agreement.
    /// </summary>
    public static AgreementStatus Derive(IReadOnlyCollection<AgreementStatus> owners) =>
        owners.All(s => s == AgreementStatus.Done) ? AgreementStatus.Done
        : owners.Any(s => s == AgreementStatus.NeedHelp) ? AgreementStatus.NeedHelp
        : owners.Any(s => s == AgreementStatus.Open) ? AgreementStatus.Open
        : AgreementStatus.WontMakeIt;

    /// <summary>Still to do for one owner: they get reminders and the buttons.</summary>
    public static bool StillToDo(AgreementStatus owner) => owner is AgreementStatus.Open or AgreementStatus.NeedHelp;
}

public sealed class AgreementOwner
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;

    /// <summary>This owner's own answer: each owner answers for themselves.</summary>
    public AgreementStatus Status { get; set; } = AgreementStatus.Open;

    /// <summary>When this owner's answer last changed (by the owner, or by a coach who closed the agreement).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
}

public sealed class AgreementDependant
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
}

/// <summary>What a history row records: an owner's or coach's answer, or a coach closing the loop.</summary>
public enum AgreementChangeKind
{
    Answer,
    Edited,
    CarriedOver,
    Dropped,
    ClosedAsDone,

    /// <summary>A coach's own words to an owner who asked help (or answered a reply): a help thread, not a change of status.</summary>
    HelpReply,

    /// <summary>The owner's one answer back to a coach's <see cref="HelpReply"/>.</summary>
    HelpAnswer,
    /// <summary>An owner took their own last answer back within the undo window; From and To are that answer reversed.</summary>
    Undone,
}

/// <summary>
/// One change: who, when, from what status to what, and an optional comment (what help is needed, why it was
/// dropped). An owner's row holds their own answer; a coach's row (closing for every owner, dropping, editing) the
/// agreement's. An edit or carry-over keeps what the agreement was before in <see cref="Before"/>.
/// </summary>
public sealed class AgreementChange
{
    public long Id { get; set; }
    public AgreementChangeKind Kind { get; set; } = AgreementChangeKind.Answer;
    public long AgreementId { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public DateTimeOffset At { get; set; }
    public AgreementStatus From { get; set; }
    public AgreementStatus To { get; set; }
    public string? Comment { get; set; }

    /// <summary>Text, owners, dependants and due session before an edit or carry-over; null for an answer.</summary>
    public AgreementSnapshot? Before { get; set; }

    /// <summary>
    /// In a help thread, the row this one answers: a coach's reply answers the owner's help request (or their answer
    /// back), the owner's answer back answers the reply. Who it was said to is that row's person; each row is answered once.
    /// </summary>
    public long? InReplyToId { get; set; }

    public bool IsHelpThread => Kind is AgreementChangeKind.HelpReply or AgreementChangeKind.HelpAnswer;
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(TextLimits.AgreementText);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        // Unix milliseconds, so the digest can count agreements made in a week in SQL on both providers.
        builder.Property(a => a.CreatedAt).HasConversion(UnixTime.Converter);
        builder.HasIndex(a => new { a.CommunityId, a.Status });
        builder.HasIndex(a => a.DueSessionId);
        builder.HasIndex(a => a.MadeAtSessionId);
        builder.HasOne(a => a.Community).WithMany().HasForeignKey(a => a.CommunityId);
        builder.HasOne<Sessions.Session>().WithMany().HasForeignKey(a => a.MadeAtSessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Sessions.Session>().WithMany().HasForeignKey(a => a.DueSessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Owners).WithOne().HasForeignKey(o => o.AgreementId);
        builder.HasMany(a => a.Dependants).WithOne().HasForeignKey(d => d.AgreementId);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AgreementId);
    }
}

internal sealed class AgreementOwnerConfiguration : IEntityTypeConfiguration<AgreementOwner>
{
    public void Configure(EntityTypeBuilder<AgreementOwner> builder)
    {
        builder.HasIndex(o => new { o.AgreementId, o.PersonId }).IsUnique();
        builder.HasIndex(o => o.PersonId);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        // Unix milliseconds: the digest asks in SQL when an agreement's last owner became done.
        builder.Property(o => o.AnsweredAt).HasConversion(UnixTime.NullableConverter);
        builder.HasOne(o => o.Person).WithMany().HasForeignKey(o => o.PersonId);
    }
}

internal sealed class AgreementDependantConfiguration : IEntityTypeConfiguration<AgreementDependant>
{
    public void Configure(EntityTypeBuilder<AgreementDependant> builder)
    {
        builder.HasIndex(d => new { d.AgreementId, d.PersonId }).IsUnique();
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId);
    }
}

internal sealed class AgreementChangeConfiguration : IEntityTypeConfiguration<AgreementChange>
{
    public void Configure(EntityTypeBuilder<AgreementChange> builder)
    {
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Comment).HasMaxLength(TextLimits.Comment);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16);
        // Unix milliseconds: the digest counts carry-overs and drops of a week in SQL.
        builder.Property(h => h.At).HasConversion(UnixTime.Converter);
        builder.Property(h => h.Before).HasConversion(AgreementSnapshot.Converter).HasMaxLength(4000);
        builder.HasOne(h => h.Person).WithMany().HasForeignKey(h => h.PersonId);
        builder.HasIndex(h => h.InReplyToId);
        builder.Ignore(h => h.IsHelpThread);
    }
}
