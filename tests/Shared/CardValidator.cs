using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CommunityBot.Teams.Cards;
using Xunit;

namespace CommunityBot.Testing;

/// <summary>
/// Validates cards with the official Adaptive Cards renderer (tools/node/validate-cards.js) plus the checks it skips.
/// One node process per batch, so a test passes every card it builds in one call.
/// </summary>
public static class CardValidator
{
    private static readonly Lazy<string> ToolsDirectory = new(NodeTools.Locate);

    /// <summary>Fails the test listing every problem of every invalid card.</summary>
    public static void AssertAllValid(IReadOnlyDictionary<string, AdaptiveCard> cards)
    {
        var invalid = Validate(cards).Where(c => c.Value.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            var report = new StringBuilder($"{invalid.Count} of {cards.Count} card(s) are invalid:");
            foreach (var (name, errors) in invalid)
            {
                report.AppendLine().Append("  ").Append(name).Append(':');
                foreach (var error in errors)
                {
                    report.AppendLine().Append("    - ").Append(error);
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    public static void AssertValid(AdaptiveCard card, string name = "card") =>
        AssertAllValid(new Dictionary<string, AdaptiveCard> { [name] = card });

    /// <summary>Every card's errors by name; an empty list means valid.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(IReadOnlyDictionary<string, AdaptiveCard> cards) =>
        Validate(cards.ToDictionary(c => c.Key, c => c.Value.ToJsonElement()));

    /// <summary>For raw JSON, e.g. to prove that a broken card is caught.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(IReadOnlyDictionary<string, JsonElement> cards)
    {
        var directory = Directory.CreateTempSubdirectory("communitybot-cards-");
        try
        {
            var nameByFile = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, json) in cards)
            {
                var file = $"{nameByFile.Count:D4}-{SafeFileName(name)}.json";
                nameByFile[file] = name;
                File.WriteAllText(Path.Combine(directory.FullName, file), json.GetRawText());
            }
            KeepForScreenshots(directory.FullName);

            var results = RunValidator(directory.FullName);
            var missing = nameByFile.Keys.Except(results.Keys).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"validate-cards.js gave no result for: {string.Join(", ", missing)}.");
            }

            return nameByFile.ToDictionary(f => f.Value, f => results[f.Key]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// With COMMUNITYBOT_CARDS_DIR set, every validated card is also kept there, to render and look at
    /// (tools/node/render-card.js + headless Chromium).
    /// </summary>
    private static void KeepForScreenshots(string cardsDirectory)
    {
        if (Environment.GetEnvironmentVariable("COMMUNITYBOT_CARDS_DIR") is not { Length: > 0 } keep)
        {
            return;
        }
        Directory.CreateDirectory(keep);
        foreach (var file in Directory.EnumerateFiles(cardsDirectory))
        {
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> RunValidator(string cardsDirectory)
    {
        var (exitCode, stdout, stderr) = NodeTools.Run("node", ["validate-cards.js", cardsDirectory], ToolsDirectory.Value);
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-cards.js failed (exit {exitCode}): {stderr}");
        }

        var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var result = JsonSerializer.Deserialize<FileResult>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"Unexpected validator output: {line}");
            results[result.File] = result.Errors;
        }

        return results;
    }

    private sealed record FileResult(string File, bool Ok, IReadOnlyList<string> Errors);

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c).ToArray());
        return safe.Length > 60 ? safe[..60] : safe;
    }
}
