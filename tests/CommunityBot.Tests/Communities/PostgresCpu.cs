using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Tests.Communities;

/// <summary>
/// The CPU a PostgreSQL server has used so far (Linux): the postmaster, its live backends, and the backends that have
/// ended (counted in the postmaster's children's times). The import figures split their time with it.
/// </summary>
internal sealed class PostgresCpu(long postmaster)
{
    public static async Task<PostgresCpu> OfAsync(BotApplication app)
    {
        var directory = await app.QueryAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT setting AS \"Value\" FROM pg_settings WHERE name = 'data_directory'").SingleAsync());
        return new PostgresCpu(Number((await File.ReadAllLinesAsync(Path.Combine(directory, "postmaster.pid")))[0]));
    }

    public TimeSpan Used()
    {
        var own = Stat(postmaster) ?? throw new InvalidOperationException("The PostgreSQL server has stopped.");
        var ticks = Ticks(own, 11, 4);
        foreach (var pid in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(p => p!.All(char.IsAsciiDigit)))
        {
            if (Stat(Number(pid!)) is { } stat && Number(stat[1]) == postmaster)
            {
                ticks += Ticks(stat, 11, 2);
            }
        }
        // Linux counts CPU in clock ticks of 1/100 s.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static long Ticks(string[] stat, int from, int count) => Enumerable.Range(from, count).Sum(i => Number(stat[i]));

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/{pid}/stat after the command's name: [1] parent, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Stat(long pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
