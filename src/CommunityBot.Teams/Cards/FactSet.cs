namespace CommunityBot.Teams.Cards;

/// <summary>Label/value pairs, e.g. "Wanneer: di 9 dec".</summary>
public sealed class FactSet : CardElement
{
    public IList<CardFact> Facts { get; set; } = [];
}

/// <summary>One fact (<c>{title, value}</c>); not named Fact so it does not clash with xUnit's [Fact] in tests.</summary>
public sealed record CardFact(string Title, string Value);
