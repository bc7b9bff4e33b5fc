namespace CommunityBot.Teams.Cards;

/// <summary>How a card action reached the bot.</summary>
public enum CardActionKind
{
    /// <summary>Action.Execute: an <c>adaptiveCard/action</c> invoke, answered in the HTTP response.</summary>
    Execute,

    /// <summary>Action.Submit: a message activity with a value, answered by sending or updating a message.</summary>
    Submit,
}
