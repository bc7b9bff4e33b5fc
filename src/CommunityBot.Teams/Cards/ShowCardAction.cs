using System.Diagnostics.CodeAnalysis;

namespace CommunityBot.Teams.Cards;

/// <summary>Unfolds a nested card below the buttons, e.g. a small form behind "Need help".</summary>
public sealed class ShowCardAction : CardAction
{
    public ShowCardAction() { }

    [SetsRequiredMembers]
    public ShowCardAction(string? title, AdaptiveCard card)
    {
        Title = title;
        Card = card;
    }

    public required AdaptiveCard Card { get; set; }
}
