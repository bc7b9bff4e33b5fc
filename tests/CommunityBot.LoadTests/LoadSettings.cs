using System.Globalization;

namespace CommunityBot.LoadTests;

/// <summary>
/// How many members press at once, for how long (<see cref="Duration"/>) or how many presses each
/// (<see cref="PressesPerMember"/>, which wins when given), and on which databases.
/// </summary>
internal sealed record LoadSettings(int Members, TimeSpan Duration, int? PressesPerMember, IReadOnlyList<string> Providers)
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
            [.. (Arg("--providers") ?? Sqlite).Split(',')]);
    }

    public string Profile => PressesPerMember is { } presses
        ? $"members={Members} presses={presses} each"
        : string.Create(CultureInfo.InvariantCulture, $"members={Members} duration={Duration.TotalSeconds:F0}s");
}
