using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityBot.CheckIns;

/// <summary>
/// Every instrument version shipped with the app (<c>CheckIns/instrument-v{N}.json</c> in the output). A community keeps
/// the version its answers were given with, so old versions stay loadable next to the newest.
/// </summary>
public sealed partial class InstrumentCatalog
{
    private readonly Dictionary<int, Instrument> versions;

    public InstrumentCatalog(string directory)
    {
        List<string> problems = [];
        versions = [];
        foreach (var path in Directory.Exists(directory) ? Directory.GetFiles(directory, "instrument-v*.json") : [])
        {
            var name = Path.GetFileName(path);
            if (FileName().Match(name) is not { Success: true } match)
            {
                problems.Add($"{name}: the name must be instrument-v<number>.json");
                continue;
            }
            var reading = InstrumentJson.Read(File.ReadAllText(path), int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            problems.AddRange(reading.Errors.Select(e => $"{name}: {e}"));
            if (reading.Instrument is { } instrument)
            {
                versions[instrument.Version] = instrument;
            }
        }
        if (versions.Count == 0 && problems.Count == 0)
        {
            problems.Add($"no instrument-v<number>.json in {directory}");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The check-in instrument is invalid, so check-ins cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>Where the build copies the instrument files.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "CheckIns");

    public Instrument Current => versions[versions.Keys.Max()];

    public Instrument? Find(int version) => versions.GetValueOrDefault(version);

    [GeneratedRegex(@"^instrument-v([1-9][0-9]{0,3})\.json$")]
    private static partial Regex FileName();
}
