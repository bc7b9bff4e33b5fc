using System.Globalization;
using System.Text.RegularExpressions;
using CommunityBot.Tests.Processes;

namespace CommunityBot.Tests.Delivery;

/// <summary>Host processes for the crash and scale-out tests and the fan-out benchmark: no demo, quiet logs but the dispatcher's claims.</summary>
internal static partial class DeliveryHosts
{
    public static Task<BotHostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan? readyWithin = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__CommunityBot.Delivery.OutboxClaims"] = "Debug",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return BotHostProcess.StartAsync(workingDirectory, all, readyWithin);
    }

    /// <summary>How many outbox rows this instance claimed, summed from its dispatcher's debug log.</summary>
    public static int ClaimedRows(this BotHostProcess host) =>
        host.Lines.Select(line => ClaimedPattern().Match(line)).Where(m => m.Success)
            .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"claimed (\d+) outbox messages")]
    private static partial Regex ClaimedPattern();
}
