using System.Globalization;

namespace CommunityBot.LoadTests;

/// <summary>
/// How many members press at once, for how long (<see cref="Duration"/>) or how many presses each
/// (<see cref="PressesPerMember"/>, which wins when given), and on which databases. <see cref="ThinkTime"/>: how long
/// a member reads before their next step (on average; zero: at once, which measures the most the endpoint can take).
/// <see cref="HostLog"/>: a file to write everything the host logged to, for finding what a turn costs.
/// </summary>
internal sealed record LoadSettings(int Members, TimeSpan Duration, int? PressesPerMember, TimeSpan ThinkTime, IReadOnlyList<string> Providers, string? HostLog)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static LoadSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Int(string name) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
        return new LoadSettings(
            Int("--members") ?? 100,
            TimeSpan.FromSeconds(Int("--seconds") ?? 60),
            Int("--presses"),
            TimeSpan.FromMilliseconds(Int("--think-ms") ?? 0),
            [.. (Arg("--providers") ?? Sqlite).Split(',')],
            Arg("--host-log"));
    }

    public string Profile => string.Create(CultureInfo.InvariantCulture,
        $"members={Members} {(PressesPerMember is { } presses ? $"presses={presses} each" : $"duration={Duration.TotalSeconds:F0}s")} think={ThinkTime.TotalMilliseconds:F0}ms");
}
