using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommunityBot.Tests.Reliability.Fuzzing;

/// <summary>The Action.Execute buttons (verb and data) of the cards the bot sent, as a press would send them back.</summary>
internal static class CardActions
{
    public static IEnumerable<(string Verb, JsonObject Data)> In(JsonElement card)
    {
        if (card.ValueKind == JsonValueKind.Object)
        {
            if (card.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Action.Execute"
                && card.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String)
            {
                var data = card.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
                    ? JsonNode.Parse(d.GetRawText())!.AsObject()
                    : [];
                yield return (verb.GetString()!, data);
            }
            foreach (var property in card.EnumerateObject())
            {
                foreach (var action in In(property.Value))
                {
                    yield return action;
                }
            }
        }
        else if (card.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in card.EnumerateArray().SelectMany(In))
            {
                yield return action;
            }
        }
    }
}
