using CommunityBot.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.People;

/// <summary>Someone the bot has met in Teams: their ids, and the language they want to be addressed in.</summary>
public sealed class Person
{
    public long Id { get; set; }
    public required string TenantId { get; set; }

    /// <summary>The Teams user id (<c>29:…</c>), needed to open a 1:1 chat.</summary>
    public required string TeamsUserId { get; set; }

    /// <summary>Entra object id: the stable identity every authorisation check uses.</summary>
    public string? AadObjectId { get; set; }

    public string? DisplayName { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    /// <summary>True once the person chose a language; until then it follows the Teams client's locale.</summary>
    public bool LanguageChosen { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.TenantId).HasMaxLength(64);
        builder.Property(p => p.TeamsUserId).HasMaxLength(256);
        builder.Property(p => p.AadObjectId).HasMaxLength(64);
        builder.Property(p => p.DisplayName).HasMaxLength(256);
        builder.Property(p => p.Language).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(p => new { p.TenantId, p.TeamsUserId }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.AadObjectId });
    }
}
