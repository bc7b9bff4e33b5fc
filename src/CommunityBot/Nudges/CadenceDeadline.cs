using CommunityBot.Communities;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Nudges;

/// <summary>
/// From when a community is asked to plan a session: its latest session (held or planned, not cancelled) plus the
/// cadence norm, minus the warning. A planned session ahead moves it past that session, so "no session planned and
/// the norm about to be missed" is one indexed comparison instead of a look at every community's sessions.
/// Written when sessions change (<see cref="NudgePlanner"/>); a community without sessions has no row.
/// </summary>
public sealed class CadenceDeadline
{
    public long CommunityId { get; set; }
    public DateTimeOffset NudgeFrom { get; set; }
}

internal sealed class CadenceDeadlineConfiguration : IEntityTypeConfiguration<CadenceDeadline>
{
    public void Configure(EntityTypeBuilder<CadenceDeadline> builder)
    {
        builder.HasKey(d => d.CommunityId);
        builder.Property(d => d.CommunityId).ValueGeneratedNever();
        builder.Property(d => d.NudgeFrom).HasConversion(UnixTime.Converter);
        builder.HasIndex(d => d.NudgeFrom);
        builder.HasOne<Community>().WithOne().HasForeignKey<CadenceDeadline>(d => d.CommunityId);
    }
}
