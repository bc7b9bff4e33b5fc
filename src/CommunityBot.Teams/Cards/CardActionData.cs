using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>How action data is written and read, so that Action.Execute and Action.Submit carry the same shape.</summary>
public static class CardActionData
{
    /// <summary>The property our Action.Submit data uses for the verb.</summary>
    public const string VerbProperty = "verb";

    internal static JsonElement? ToElement(object? data) => data switch
    {
        null => null,
        JsonElement element => element.Clone(),
        _ => TeamsJson.ToElement(data),
    };

    /// <summary><c>{"verb": verb, ...data}</c>: the verb first, then the data's own properties.</summary>
    public static JsonElement WithVerb(string verb, object? data)
    {
        var merged = new JsonObject { [VerbProperty] = verb };
        if (ToElement(data) is { } element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("Action.Submit data must be an object so the verb can be merged in.", nameof(data));
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(VerbProperty))
                {
                    throw new ArgumentException($"Action.Submit data must not have its own \"{VerbProperty}\" property.", nameof(data));
                }

                merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return TeamsJson.ToElement(merged);
    }

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
