using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>Common to every input: the id is the key its value comes back under in the action data.</summary>
public abstract class CardInput : CardElement
{
    /// <summary>Required for inputs (the base makes it optional for other elements).</summary>
    [JsonPropertyOrder(-1)]
    public new required string Id
    {
        get => base.Id!;
        set => base.Id = value;
    }

    public string? Label { get; set; }
    public bool? IsRequired { get; set; }
    public string? ErrorMessage { get; set; }
}
