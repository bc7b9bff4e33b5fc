using System.Globalization;

namespace CommunityBot.Benchmarks;

/// <summary>Which sizes (open agreements), providers and how many timed runs per sweep.</summary>
internal sealed record SweepSettings(IReadOnlyList<int> Sizes, IReadOnlyList<string> Providers, int Runs)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static SweepSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new SweepSettings(
            [.. (Arg("--sizes") ?? "100,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
            [.. (Arg("--providers") ?? $"{Sqlite},{Postgres}").Split(',')],
            int.Parse(Arg("--runs") ?? "300", CultureInfo.InvariantCulture));
    }
}
