using System.Diagnostics.CodeAnalysis;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// Shows or hides elements of the card on the client, without a round trip to the bot: a long card stays short until
/// someone opens the part they want (e.g. one community of a digest).
/// </summary>
public sealed class ToggleVisibilityAction : CardAction
{
    public const string TypeName = "Action.ToggleVisibility";

    public ToggleVisibilityAction() { }

    /// <param name="targetElements">The ids of the elements each press flips between visible and hidden.</param>
    [SetsRequiredMembers]
    public ToggleVisibilityAction(string? title, params IEnumerable<string> targetElements)
    {
        Title = title;
        TargetElements = [.. targetElements];
    }

    /// <summary>Element ids; the schema's object form (an id with a fixed visibility) is not used by the product.</summary>
    public required IList<string> TargetElements { get; set; }
}
