namespace CommunityBot.Teams.Cards;

/// <summary>Buttons in the middle of a card, e.g. under the input they belong to.</summary>
public sealed class ActionSet : CardElement
{
    public IList<CardAction> Actions { get; set; } = [];
}
