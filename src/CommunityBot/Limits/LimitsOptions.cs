using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Limits;

public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>
    /// The longest message text the bot reads, in characters (UTF-16 code units); a longer one gets a polite answer before
    /// any parsing. The endpoint's 1 MB body limit holds whatever this says.
    /// </summary>
    [Range(1024, 512 * 1024)]
    public int MessageTextLength { get; set; } = 32 * 1024;
}
