using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Schema;

/// <summary>The one set of serializer options for everything on the Bot Framework wire.</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
