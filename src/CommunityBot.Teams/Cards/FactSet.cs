namespace CommunityBot.Teams.Cards;

/// <summary>Label/value pairs, e.g. "Wanneer: di 9 dec".</summary>
public sealed class FactSet : CardElement
{
    public IList<Fact> Facts { get; set; } = [];
}

public sealed record Fact(string Title, string Value);
