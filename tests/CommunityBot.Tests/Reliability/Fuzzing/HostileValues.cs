using System.Text.Json.Nodes;

namespace CommunityBot.Tests.Reliability.Fuzzing;

/// <summary>Values that break naive code: other JSON types, hostile unicode, sizes up to the limits, ids of other records.</summary>
internal static class HostileValues
{
    /// <summary>
    /// The longest text a case sends: long enough to pass every stored text's limit (2,000 characters for goals), short
    /// enough that a case costs no seconds of CPU (the 32 KB message cap and the body limit have tests of their own).
    /// </summary>
    public const int LongestText = 4_000;

    private static readonly string[] Texts =
    [
        "\u202Eafspraak omgekeerd\u202C",          // right-to-left override
        "مرحبا بالعالم שלום",                       // Arabic and Hebrew
        "emoji 👩🏽‍🏫👨‍👩‍👧‍👦 🇧🇪",                        // joiners, skin tones, flags
        "e\u0301e\u0301 combining \u200B\u200D\uFEFF", // combining marks and invisible characters
        LoneHigh + " lone high",                    // lone surrogates: escaped into the JSON after serialising (see Escape)
        LoneLow + " lone low",
        "<at>CommunityBot</at> <script>alert(1)</script>",
        "' OR 1=1 --; DROP TABLE \"People\";",
        "   ",
        "",
        "nul\0in het midden",                       // NUL and other control characters: never stored (PostgreSQL refuses NUL)
        "\u0001\u0002\u001b[31m bel\u0007",
        "tab\tnieuwe\nlijn\r",
    ];

    private const string LoneHigh = "~~D83D~~";
    private const string LoneLow = "~~DC00~~";

    /// <summary>The JSON as posted: a serialiser refuses to write lone surrogates, so they go in as escapes afterwards.</summary>
    public static string Escape(string json) => json.Replace(LoneHigh, "\\uD83D", StringComparison.Ordinal).Replace(LoneLow, "\\uDC00", StringComparison.Ordinal);

    public static JsonNode? Text(int pick, int size) => (pick % 3) switch
    {
        0 => Texts[pick / 3 % Texts.Length],
        1 => new string((char)('a' + pick % 26), 1 + size % LongestText),
        _ => string.Concat(Enumerable.Repeat("<at>x</at> ", 1 + size % (LongestText / 11))),
    };

    /// <summary>A value of another JSON type than the one the field has.</summary>
    public static JsonNode? OtherType(int pick) => (pick % 8) switch
    {
        0 => null,
        1 => 42,
        2 => -1.5,
        3 => true,
        4 => new JsonArray(1, "twee", null),
        5 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = 1 } },
        6 => "not a number",
        _ => long.MaxValue,
    };

    /// <summary>An id that is not this card's: another record's, one that does not exist, or one out of range.</summary>
    public static JsonNode Id(int pick, IReadOnlyList<long> otherIds) => (pick % 6) switch
    {
        0 => ForeignRecords.Missing,
        1 => 0,
        2 => -1,
        3 => long.MaxValue,
        4 => otherIds[pick / 6 % otherIds.Count].ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => otherIds[pick / 6 % otherIds.Count],
    };
}
