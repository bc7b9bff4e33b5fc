using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.CheckIns;

/// <summary>How instrument files are read: camelCase, unknown fields refused (a typo such as "reversed" must not pass).</summary>
public static class InstrumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter<CheckInCondition>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Name(CheckInCondition condition) => JsonNamingPolicy.CamelCase.ConvertName(condition.ToString());

    /// <summary>Reads and validates one file; a file that is not even JSON of the right shape is one error.</summary>
    public static InstrumentReading Read(string json, int expectedVersion)
    {
        InstrumentFile? file;
        try
        {
            file = JsonSerializer.Deserialize<InstrumentFile>(json, Options);
        }
        catch (JsonException e)
        {
            return new InstrumentReading(null, [$"{e.Path ?? "$"}: {e.Message}"]);
        }
        return file is null ? new InstrumentReading(null, ["$: empty"]) : InstrumentValidator.Validate(file, expectedVersion);
    }
}
