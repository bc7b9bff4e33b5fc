namespace CommunityBot.Teams.Cards;

public sealed class Container : CardElement
{
    public IList<CardElement> Items { get; set; } = [];
    public ContainerStyle? Style { get; set; }
    public bool? Bleed { get; set; }
    public CardAction? SelectAction { get; set; }
    public VerticalAlignment? VerticalContentAlignment { get; set; }
}
