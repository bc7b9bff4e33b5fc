using System.Text.Json;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>Finds the buttons of a card as the playground received it (JSON, anywhere in the card: body, show-cards, actions).</summary>
internal static class CardJson
{
    public static JsonElement? FindExecute(JsonElement? element, string verb, Func<JsonElement, bool> data)
    {
        if (element is not { } node)
        {
            return null;
        }
        if (node.ValueKind == JsonValueKind.Object
            && node.TryGetProperty("verb", out var found) && found.GetString() == verb
            && node.TryGetProperty("data", out var payload) && data(payload))
        {
            return node;
        }
        var children = node.ValueKind switch
        {
            JsonValueKind.Object => node.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => node.EnumerateArray(),
            _ => [],
        };
        return children.Select(child => FindExecute(child, verb, data)).FirstOrDefault(hit => hit is not null);
    }

    public static bool Has(JsonElement data, string property, string value) =>
        data.TryGetProperty(property, out var actual) && actual.ValueKind == JsonValueKind.String && actual.GetString() == value;

    /// <summary>The top-level body element that mentions <paramref name="text"/>: one agreement's part of a list card.</summary>
    public static JsonElement? BodyItem(JsonElement? card, string text) =>
        card is { } c && c.TryGetProperty("body", out var body)
            ? body.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(e => e!.Value.GetRawText().Contains(text, StringComparison.Ordinal))
            : null;
}
