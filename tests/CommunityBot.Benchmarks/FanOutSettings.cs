using System.Globalization;

namespace CommunityBot.Benchmarks;

/// <summary>
/// One fan-out run: <see cref="Recipients"/> people, each sent <see cref="MessagesEach"/> messages by person id
/// (their 1:1 chat, opened first when <see cref="WithChats"/> is false), delivered by <see cref="Instances"/> host
/// processes on one database.
/// </summary>
internal sealed record FanOutSettings(
    string Profile, int Recipients, int MessagesEach, bool WithChats, string Database, int Instances, string? ConnectionString,
    TimeSpan Timeout, TimeSpan Latency)
{
    /// <summary>Teams' documented per-app, per-tenant ceiling: the fake enforces it and the hosts are configured to it.</summary>
    public const int Ceiling = 50;

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private static readonly Dictionary<string, (int Recipients, int MessagesEach, bool WithChats)> Profiles = new(StringComparer.Ordinal)
    {
        ["chats"] = (10_000, 1, true),
        ["no-chats"] = (10_000, 1, false),
        ["many"] = (45_000, 1, true),
        ["multi"] = (2_000, 5, true),
    };

    public int Messages => Recipients * MessagesEach;

    /// <summary>A send per message, and a chat creation per recipient who has no chat yet.</summary>
    public int ExpectedRequests => Messages + (WithChats ? 0 : Recipients);

    /// <summary>Null when the arguments are valid; otherwise what is wrong with them.</summary>
    public static (FanOutSettings? Settings, string? Error) Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Number(string name) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

        var profile = Arg("--profile") ?? "chats";
        if (!Profiles.TryGetValue(profile, out var shape))
        {
            return (null, $"--profile must be one of {string.Join(", ", Profiles.Keys)}");
        }
        var database = Arg("--database") ?? Sqlite;
        var instances = Number("--instances") ?? 1;
        if (database is not (Sqlite or Postgres))
        {
            return (null, "--database must be sqlite or postgres");
        }
        if (instances is < 1 or > 3 || (database == Sqlite && instances != 1))
        {
            return (null, "--instances must be 1 on SQLite, and 1, 2 or 3 on PostgreSQL");
        }
        var recipients = Number("--recipients") ?? shape.Recipients;
        if (recipients < 1)
        {
            return (null, "--recipients must be at least 1");
        }
        var expected = recipients * (shape.MessagesEach + (shape.WithChats ? 0 : 1));
        // Twice the time the ceiling needs, and two minutes for start-up and a slow machine.
        var timeout = Number("--timeout-seconds") is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(2.0 * expected / Ceiling + 120);
        return (new FanOutSettings(profile, recipients, shape.MessagesEach, shape.WithChats, database, instances,
            Arg("--connection-string"), timeout, TimeSpan.FromMilliseconds(Number("--latency-ms") ?? 20)), null);
    }
}
