using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Demo;

/// <summary>The "Demo" section: a demo tenant seeded on first start, matching the Agents Playground's users.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>The tenant id the Agents Playground puts on its activities.</summary>
    [Required]
    public string TenantId { get; set; } = "00000000-0000-0000-0000-0000000000001";

    /// <summary>
    /// The language the demo speaks to its seeded people (nl-BE or en), whatever the playground's client locale says;
    /// a person's own <c>taal</c> choice still wins.
    /// </summary>
    [Required, RegularExpression("^(nl|en)(-[A-Za-z]{2})?$")]
    public string Language { get; set; } = "nl-BE";
}
