using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.People;

/// <summary>
/// Someone the bot knows: met in Teams, taken from a team roster, or imported by an admin (then only by e-mail or
/// Entra object id until they first talk to the bot). Carries the language they want to be addressed in.
/// </summary>
public sealed class Person
{
    public long Id { get; set; }
    public required string TenantId { get; set; }

    /// <summary>The Teams user id (<c>29:…</c>); unknown for imported people until Teams shows them to the bot.</summary>
    public string? TeamsUserId { get; set; }

    /// <summary>Entra object id: the stable identity every authorisation check uses.</summary>
    public string? AadObjectId { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>E-mail or UPN (lower case), how admins name people in imports.</summary>
    public string? Email { get; set; }

    public long? SchoolId { get; set; }

    /// <summary>Tenant admins import communities and set policy.</summary>
    public bool IsTenantAdmin { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    /// <summary>True once the person chose a language; until then it follows the Teams client's locale.</summary>
    public bool LanguageChosen { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(p => p.TeamsUserId).HasMaxLength(MaxLengths.UserId);
        builder.Property(p => p.AadObjectId).HasMaxLength(MaxLengths.AadObjectId);
        builder.Property(p => p.DisplayName).HasMaxLength(MaxLengths.DisplayName);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Language).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(p => new { p.TenantId, p.TeamsUserId }).IsUnique().HasFilter("\"TeamsUserId\" IS NOT NULL");
        builder.HasIndex(p => new { p.TenantId, p.AadObjectId }).IsUnique().HasFilter("\"AadObjectId\" IS NOT NULL");
        builder.HasIndex(p => new { p.TenantId, p.Email });
        builder.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.SetNull);
    }
}
