using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// A column's width: <c>"auto"</c>, <c>"stretch"</c>, a pixel width (<c>"80px"</c>) or a relative weight (a number).
/// The schema mixes strings and numbers, so this carries its own converter.
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int? weight)
    {
        Keyword = keyword;
        Weight = weight;
    }

    /// <summary>"auto", "stretch" or "Npx"; null when the width is a weight.</summary>
    public string? Keyword { get; }
    public int? Weight { get; }

    public static ColumnWidth Auto { get; } = new("auto", null);
    public static ColumnWidth Stretch { get; } = new("stretch", null);

    public static ColumnWidth Pixels(int pixels) => new(pixels.ToString(CultureInfo.InvariantCulture) + "px", null);

    public static ColumnWidth Relative(int weight) => new(null, weight);

    internal static ColumnWidth Parse(string keyword) => new(keyword, null);
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? ColumnWidth.Relative(reader.GetInt32())
            : ColumnWidth.Parse(reader.GetString() ?? throw new JsonException("A column width must be a string or a number."));

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Weight is { } weight)
        {
            writer.WriteNumberValue(weight);
        }
        else
        {
            writer.WriteStringValue(value.Keyword);
        }
    }
}
