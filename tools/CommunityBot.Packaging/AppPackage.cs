using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CommunityBot.Packaging;

/// <summary>
/// Writes the Teams app package: manifest.json with its placeholders filled, the two icons and the localization files
/// it names, all at the zip's root (Teams refuses a package with folders).
/// </summary>
public static partial class AppPackage
{
    public static void Write(string manifestDirectory, PackageSettings settings, string zipPath)
    {
        var manifest = Fill(File.ReadAllText(Path.Combine(manifestDirectory, "manifest.json")), settings, "manifest.json");
        var entries = new List<(string Name, byte[] Content)> { ("manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest)) };
        foreach (var file in FilesNamedBy(JsonNode.Parse(manifest)!))
        {
            var path = Path.Combine(manifestDirectory, file);
            var content = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? System.Text.Encoding.UTF8.GetBytes(Fill(File.ReadAllText(path), settings, file))
                : File.ReadAllBytes(path);
            entries.Add((file, content));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        using var zip = new ZipArchive(File.Create(zipPath), ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            stream.Write(content);
        }
    }

    /// <summary>Replaces every <c>${{NAME}}</c> with its value, escaped for a JSON string; an unknown name is an error.</summary>
    public static string Fill(string template, PackageSettings settings, string fileName)
    {
        var values = settings.Placeholders;
        var filled = Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? JsonEncodedText.Encode(value).ToString()
                : throw new InvalidDataException($"{fileName}: unknown placeholder {match.Value}."));
        JsonNode.Parse(filled);
        return filled;
    }

    /// <summary>The icons and localization files a manifest refers to: what must travel with it.</summary>
    private static IEnumerable<string> FilesNamedBy(JsonNode manifest)
    {
        var icons = manifest["icons"]!;
        yield return (string)icons["color"]!;
        yield return (string)icons["outline"]!;
        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            yield return (string)language!["file"]!;
        }
    }

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
