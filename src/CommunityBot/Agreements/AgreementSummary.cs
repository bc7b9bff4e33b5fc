using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Agreements;

/// <summary>
/// The channel summary of one session's agreements. Each addition bumps the version; version 1 is the message
/// posted in the channel and later versions update it in place.
/// </summary>
public sealed class AgreementSummary
{
    public long Id { get; set; }
    public long CommunityId { get; set; }

    /// <summary>The session the agreements were made at, or 0 for those made before any session.</summary>
    public long SessionId { get; set; }

    public int Version { get; set; }

    public string DedupeKey => KeyFor(CommunityId, SessionId, Version);

    public static string KeyFor(long communityId, long sessionId, int version) => $"summary:{communityId}:{sessionId}:v{version}";
}

internal sealed class AgreementSummaryConfiguration : IEntityTypeConfiguration<AgreementSummary>
{
    public void Configure(EntityTypeBuilder<AgreementSummary> builder)
    {
        builder.Ignore(s => s.DedupeKey);
        builder.HasIndex(s => new { s.CommunityId, s.SessionId }).IsUnique();
    }
}
