using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>A button. The <c>type</c> discriminator is written first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), ExecuteAction.TypeName)]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), ToggleVisibilityAction.TypeName)]
public abstract class CardAction
{
    public string? Title { get; set; }
    public string? Id { get; set; }
    public ActionStyle? Style { get; set; }
    public string? IconUrl { get; set; }
    public string? Tooltip { get; set; }
}
