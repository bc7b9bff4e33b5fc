using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Agreements;

public sealed class AgreementsOptions
{
    public const string Section = "Agreements";

    /// <summary>How long after an answer its owner may take it back with the card's undo button (1 minute to 1 hour).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan UndoWindow { get; set; } = TimeSpan.FromMinutes(5);
}
