using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>An Adaptive Card, schema 1.5 as Teams renders it.</summary>
public sealed class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string? Schema { get; set; } = SchemaUrl;

    /// <summary>1.5 is the highest version Teams renders on every client.</summary>
    [JsonPropertyOrder(-1)]
    public string Version { get; set; } = "1.5";

    public IList<CardElement> Body { get; set; } = [];
    public IList<CardAction>? Actions { get; set; }

    /// <summary>Makes Teams fetch a fresh card when one of the users opens it (Universal Actions).</summary>
    public CardRefresh? Refresh { get; set; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; set; }

    /// <summary>The card's language as a 2-letter ISO 639-1 code ("nl", not "nl-BE": the renderer rejects region tags).</summary>
    public string? Lang { get; set; }

    /// <summary>What clients that cannot render the card show, and what notifications quote.</summary>
    public string? FallbackText { get; set; }

    public CardAction? SelectAction { get; set; }
    public VerticalAlignment? VerticalContentAlignment { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, TeamsJson.Options);

    public JsonElement ToJsonElement() => TeamsJson.ToElement(this);

    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = ToJsonElement() };
}


/// <summary>The Teams-only <c>msteams</c> card property.</summary>
public sealed class TeamsCardProperties
{
    public CardWidth? Width { get; set; }

    public static TeamsCardProperties FullWidth => new() { Width = CardWidth.Full };
}

[JsonConverter(typeof(JsonStringEnumConverter<CardWidth>))]
public enum CardWidth
{
    /// <summary>Teams spells it with a capital: <c>"msteams": { "width": "Full" }</c>.</summary>
    Full,
}
