using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Tenants;

/// <summary>The "Privacy" section: the default retention of every tenant that did not choose its own.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Answer history and check-in answers are kept this many school years (two by default).</summary>
    [Range(1, 10)]
    public int RetentionSchoolYears { get; set; } = 2;
}
