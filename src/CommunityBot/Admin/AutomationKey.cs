using System.Security.Cryptography;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Admin;

/// <summary>
/// A tenant's key for automated imports (a nightly sync from the school's administration). Only its SHA-256 is stored:
/// the key itself is shown once, when a tenant admin creates it. A revoked key stays as a row, so the list shows who
/// made it and when it stopped working.
/// </summary>
public sealed class AutomationKey
{
    public const int NameLength = 100;

    /// <summary>Every key starts with this, so a leaked one is recognisable in a secret scanner or a log.</summary>
    public const string Prefix = "cbk_";

    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole key (prefix included), lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>The Entra object id of the admin who made it.</summary>
    public string? CreatedBy { get; set; }

    public long CreatedAt { get; set; }
    public long? RevokedAt { get; set; }

    /// <summary>A new key: 32 random bytes, base64url.</summary>
    public static string NewSecret() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}

internal sealed class AutomationKeyConfiguration : IEntityTypeConfiguration<AutomationKey>
{
    public void Configure(EntityTypeBuilder<AutomationKey> builder)
    {
        builder.ToTable("AutomationKeys");
        builder.Property(k => k.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(k => k.Name).HasMaxLength(AutomationKey.NameLength);
        builder.Property(k => k.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(k => k.CreatedBy).HasMaxLength(MaxLengths.AadObjectId);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.TenantId);
    }
}
