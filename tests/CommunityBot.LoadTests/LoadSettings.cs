using System.Globalization;

namespace CommunityBot.LoadTests;

/// <summary>
/// How many members press at once, for how long (<see cref="Duration"/>) or how many presses each
/// (<see cref="PressesPerMember"/>, which wins when given), how they pace themselves (<see cref="Think"/>), and on which
/// databases. <see cref="HostLog"/>: a file to write everything the host logged to, for finding what a turn costs.
/// </summary>
internal sealed record LoadSettings(int Members, TimeSpan Duration, int? PressesPerMember, ThinkTime Think, IReadOnlyList<string> Providers, string? HostLog)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>People: a teacher reads the answer, or the card, for 0.5 to 2 s before the next press or message.</summary>
    public const string PeopleProfile = "people";

    /// <summary>Saturation: every member presses again the moment the answer is in; the endpoint alone sets the pace.</summary>
    public const string SaturationProfile = "saturation";

    public static LoadSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Int(string name) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
        var think = (Arg("--profile") ?? PeopleProfile) switch
        {
            PeopleProfile => new ThinkTime(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(2000)),
            SaturationProfile => ThinkTime.None,
            var other => throw new ArgumentException($"Unknown profile '{other}': use {PeopleProfile} or {SaturationProfile}."),
        };
        return new LoadSettings(
            Int("--members") ?? 100,
            TimeSpan.FromSeconds(Int("--seconds") ?? 60),
            Int("--presses"),
            Arg("--think-ms") is { } range ? ThinkTime.Parse(range) : think,
            [.. (Arg("--providers") ?? Sqlite).Split(',')],
            Arg("--host-log"));
    }

    public string Profile => string.Create(CultureInfo.InvariantCulture,
        $"members={Members} {(PressesPerMember is { } presses ? $"presses={presses} each" : $"duration={Duration.TotalSeconds:F0}s")} think={Think}");
}

/// <summary>
/// How long a member reads before each step, drawn evenly between <see cref="Min"/> and <see cref="Max"/> (their first
/// step too, so members do not all start in the same instant). <see cref="None"/>: at once.
/// </summary>
internal readonly record struct ThinkTime(TimeSpan Min, TimeSpan Max)
{
    public static ThinkTime None => new(TimeSpan.Zero, TimeSpan.Zero);

    public bool Thinks => Max > TimeSpan.Zero;

    /// <summary><c>500-2000</c> (milliseconds, evenly between) or one number for a fixed time.</summary>
    public static ThinkTime Parse(string range)
    {
        var bounds = range.Split('-').Select(b => TimeSpan.FromMilliseconds(int.Parse(b, CultureInfo.InvariantCulture))).ToArray();
        return bounds.Length switch
        {
            1 => new ThinkTime(bounds[0], bounds[0]),
            2 when bounds[0] <= bounds[1] => new ThinkTime(bounds[0], bounds[1]),
            _ => throw new ArgumentException($"--think-ms takes MIN-MAX or one number of milliseconds, not '{range}'."),
        };
    }

    public TimeSpan Draw(Random reading) => Min + (Max - Min) * reading.NextDouble();

    public override string ToString() => Thinks
        ? string.Create(CultureInfo.InvariantCulture, $"{Min.TotalMilliseconds:F0}-{Max.TotalMilliseconds:F0}ms")
        : "none (saturation)";
}
