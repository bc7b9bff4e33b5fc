using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using CommunityBot.Limits;

namespace CommunityBot.Communities;

/// <summary>The five phases a learning community grows through (PEDAGOGY.md).</summary>
public enum CommunityPhase
{
    LeadersEngage = 1,
    TeachersMotivated = 2,
    ThemesOrganised = 3,
    LearningTogether = 4,
    StableOutput = 5,
}

/// <summary>A learning community: a group of teachers, often across schools, with a coach and a rhythm of sessions.</summary>
public sealed class Community
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public string? Theme { get; set; }
    public string? Goals { get; set; }
    public CommunityPhase Phase { get; set; } = CommunityPhase.TeachersMotivated;

    /// <summary>IANA time zone every schedule of this community is computed in.</summary>
    public string TimeZone { get; set; } = "Europe/Brussels";

    public Language Language { get; set; } = Language.Dutch;

    /// <summary>The rhythm the group agreed on: every <see cref="CadenceCount"/> weeks, or at least that many sessions a school year.</summary>
    public CadenceKind CadenceKind { get; set; } = CadenceKind.EveryNWeeks;

    public int CadenceCount { get; set; } = CadenceNorm.DefaultWeeks;

    /// <summary>How long a session usually lasts: the planning form's default.</summary>
    public TimeSpan SessionDuration { get; set; } = CadenceNorm.DefaultDuration;

    /// <summary>The Teams team the app was installed in, and the conversation row of its channel, when linked.</summary>
    public string? TeamId { get; set; }
    public long? ChannelConversationId { get; set; }

    /// <summary>The check-in instrument version the group answers; an admin moves it to a newer one, old rounds keep theirs.</summary>
    public int CheckInInstrumentVersion { get; set; } = 1;

    /// <summary>
    /// A check-in round every this many weeks (2–12) instead of after each held session (null): for groups whose
    /// sessions are too frequent, or too rare, for a round each time.
    /// </summary>
    public int? CheckInEveryWeeks { get; set; }

    public const int MinCheckInEveryWeeks = 2;
    public const int MaxCheckInEveryWeeks = 12;

    public DateTimeOffset CreatedAt { get; set; }

    public List<Membership> Memberships { get; } = [];
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(c => c.Name).HasMaxLength(TextLimits.TeamName);
        builder.Property(c => c.Theme).HasMaxLength(TextLimits.Theme);
        builder.Property(c => c.Goals).HasMaxLength(TextLimits.Goals);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.TeamId).HasMaxLength(MaxLengths.ConversationId);
        builder.Property(c => c.Phase).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Language).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.CadenceKind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
        // One community per team; concurrent installs insert-or-get on it.
        builder.HasIndex(c => new { c.TenantId, c.TeamId }).IsUnique();
    }
}
