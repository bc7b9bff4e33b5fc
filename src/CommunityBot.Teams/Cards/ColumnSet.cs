using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

public sealed class ColumnSet : CardElement
{
    public IList<Column> Columns { get; set; } = [];
    public ContainerStyle? Style { get; set; }
    public bool? Bleed { get; set; }
    public CardAction? SelectAction { get; set; }
    public HorizontalAlignment? HorizontalAlignment { get; set; }
}

public sealed class Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; set; }
    public ColumnWidth? Width { get; set; }
    public IList<CardElement> Items { get; set; } = [];
    public VerticalAlignment? VerticalContentAlignment { get; set; }
    public ContainerStyle? Style { get; set; }
    public Spacing? Spacing { get; set; }
    public bool? Separator { get; set; }
    public CardAction? SelectAction { get; set; }
}
