using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Intervision;

/// <summary>Where a proposal is: every change is one conditional UPDATE from the state before, so a race has one winner.</summary>
public enum ProposalState
{
    /// <summary>Participants tick the slots that suit them.</summary>
    Voting,

    /// <summary>Everyone voted or the deadline passed; the coach-the-coach confirms the best slot or picks another.</summary>
    AwaitingConfirmation,

    /// <summary>Confirmed: to be booked (again after a failed attempt, at <see cref="IntervisionProposal.RetryAt"/>).</summary>
    Chosen,

    /// <summary>Claimed by one request or sweep that is creating the Teams meeting now.</summary>
    Booking,

    Booked,
    Cancelled,
}

/// <summary>One round of finding a time for a group: the slots, who takes part, the vote and, once booked, the meeting.</summary>
public sealed class IntervisionProposal
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public IntervisionGroup Group { get; set; } = null!;
    public ProposalState State { get; set; } = ProposalState.Voting;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset VoteClosesAt { get; set; }

    /// <summary>
    /// The coach-the-coach when the round was proposed: they confirm, move and cancel it and Graph books it in their
    /// mailbox, even when the import names another coach-the-coach meanwhile (the next round is theirs).
    /// </summary>
    public long OrganizerId { get; set; }
    public string? OrganizerEmail { get; set; }

    /// <summary>Raised with every vote and state change, so each redraw of the cards has a dedupe key of its own.</summary>
    public int Revision { get; set; }

    public long? ChosenSlotId { get; set; }

    /// <summary>When a claimed booking counts as abandoned (the instance died) or a failed one may be tried again.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    public string? EventId { get; set; }
    public string? JoinUrl { get; set; }

    /// <summary>The meeting's time once booked; a move changes it (and raises <see cref="Revision"/>).</summary>
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }

    public List<IntervisionSlot> Slots { get; } = [];
    public List<IntervisionParticipant> Participants { get; } = [];
}

public sealed class IntervisionSlot
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The one participant who is not free then, when nobody-missing slots ran out; null when everyone is free.</summary>
    public long? MissingPersonId { get; set; }
}

/// <summary>Who was asked (fixed when the proposal is made) and whether they voted; their ticks are <see cref="IntervisionVote"/> rows.</summary>
public sealed class IntervisionParticipant
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public long PersonId { get; set; }
    public DateTimeOffset? VotedAt { get; set; }
}

public sealed class IntervisionVote
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public long PersonId { get; set; }
    public long SlotId { get; set; }
}

internal sealed class IntervisionProposalConfiguration : IEntityTypeConfiguration<IntervisionProposal>
{
    public void Configure(EntityTypeBuilder<IntervisionProposal> builder)
    {
        builder.ToTable("IntervisionProposals");
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.CreatedAt).HasConversion(UnixTime.Converter);
        builder.Property(p => p.VoteClosesAt).HasConversion(UnixTime.Converter);
        builder.Property(p => p.RetryAt).HasConversion(UnixTime.NullableConverter);
        builder.Property(p => p.StartsAt).HasConversion(UnixTime.NullableConverter);
        builder.Property(p => p.EndsAt).HasConversion(UnixTime.NullableConverter);
        builder.Property(p => p.OrganizerEmail).HasMaxLength(256);
        builder.Property(p => p.EventId).HasMaxLength(1000);
        builder.Property(p => p.JoinUrl).HasMaxLength(2000);
        builder.HasOne(p => p.Group).WithMany().HasForeignKey(p => p.GroupId);
        builder.HasMany(p => p.Slots).WithOne().HasForeignKey(s => s.ProposalId);
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey(s => s.ProposalId);
        // One round under way per group: two proposers at once (the command and the schedule) make one proposal.
        builder.HasIndex(p => p.GroupId).IsUnique()
            .HasFilter("\"State\" IN ('Voting', 'AwaitingConfirmation', 'Chosen', 'Booking')")
            .HasDatabaseName("IX_IntervisionProposals_GroupId_Open");
        // The sweep's reads: votes past their deadline, bookings to (re)try.
        builder.HasIndex(p => new { p.State, p.VoteClosesAt });
        builder.HasIndex(p => new { p.State, p.RetryAt });
    }
}

internal sealed class IntervisionSlotConfiguration : IEntityTypeConfiguration<IntervisionSlot>
{
    public void Configure(EntityTypeBuilder<IntervisionSlot> builder)
    {
        builder.ToTable("IntervisionSlots");
        builder.Property(s => s.StartsAt).HasConversion(UnixTime.Converter);
        builder.Property(s => s.EndsAt).HasConversion(UnixTime.Converter);
    }
}

internal sealed class IntervisionParticipantConfiguration : IEntityTypeConfiguration<IntervisionParticipant>
{
    public void Configure(EntityTypeBuilder<IntervisionParticipant> builder)
    {
        builder.ToTable("IntervisionParticipants");
        builder.Property(p => p.VotedAt).HasConversion(UnixTime.NullableConverter);
        builder.HasIndex(p => new { p.ProposalId, p.PersonId }).IsUnique();
    }
}

internal sealed class IntervisionVoteConfiguration : IEntityTypeConfiguration<IntervisionVote>
{
    public void Configure(EntityTypeBuilder<IntervisionVote> builder)
    {
        builder.ToTable("IntervisionVotes");
        builder.HasIndex(v => new { v.ProposalId, v.PersonId, v.SlotId }).IsUnique();
        builder.HasOne<IntervisionSlot>().WithMany().HasForeignKey(v => v.SlotId);
    }
}
