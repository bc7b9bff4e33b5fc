using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Agreements;

/// <summary>Card data is whatever the client sent: a malformed or forged payload is an expected outcome, not a crash.</summary>
public static class CardData
{
    public static T? TryRead<T>(JsonElement data) where T : class
    {
        try
        {
            return TeamsJson.Deserialize<T>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
