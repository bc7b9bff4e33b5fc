using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Teams.Cards;

public sealed class CardActionOptions
{
    /// <summary>
    /// How long a handler may take. Teams drops an invoke answer after 15 s, so the default leaves room for the
    /// response to travel back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:14")]
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(10);
}
