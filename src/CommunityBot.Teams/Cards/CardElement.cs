using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>Anything that can sit in a card body or container. The <c>type</c> discriminator is written first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(DonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(VerticalBarChart), "Chart.VerticalBar")]
[JsonDerivedType(typeof(HorizontalBarChart), "Chart.HorizontalBar")]
[JsonDerivedType(typeof(LineChart), "Chart.Line")]
public abstract class CardElement
{
    public string? Id { get; set; }
    public Spacing? Spacing { get; set; }
    public bool? Separator { get; set; }
    public bool? IsVisible { get; set; }
}
