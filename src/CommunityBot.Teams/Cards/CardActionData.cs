using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// How action data is written and read. Whatever comes back is what a client sent, so reading never throws:
/// data that is not an object, lacks a required property or has one of the wrong type is "malformed".
/// </summary>
public static class CardActionData
{
    /// <summary>The property Action.Submit data uses for the verb (clients without Universal Actions).</summary>
    public const string VerbProperty = "verb";

    /// <summary>
    /// Stricter than the wire options: a missing constructor parameter or a null where the type says "not null" is
    /// malformed, not a default that a handler might take for a real id.
    /// </summary>
    private static readonly JsonSerializerOptions ReadOptions = new(TeamsJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    internal static JsonElement? ToElement(object? data) => data switch
    {
        null => null,
        JsonElement element => element.Clone(),
        _ => TeamsJson.ToElement(data),
    };

    /// <summary>The data as <paramref name="type"/>, or false when it is malformed.</summary>
    public static bool TryRead(JsonElement data, Type type, [NotNullWhen(true)] out object? value)
    {
        value = null;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        try
        {
            value = data.Deserialize(type, ReadOptions);
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A string input or property of the data; null when absent or not a string.</summary>
    public static string? String(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Splits Action.Submit data into its verb and the rest; false when there is no string verb.</summary>
    public static bool TrySplitVerb(JsonElement value, out string verb, out JsonElement data)
    {
        verb = "";
        data = default;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty(VerbProperty, out var verbElement)
            || verbElement.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        verb = verbElement.GetString()!;
        var rest = new JsonObject();
        foreach (var property in value.EnumerateObject().Where(p => !p.NameEquals(VerbProperty)))
        {
            rest[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        data = TeamsJson.ToElement(rest);
        return true;
    }
}
