using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Nudges;
using CommunityBot.Testing;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The minute sweeps (reminders, briefings, nudges) timed against databases of different sizes in which nothing is
/// due: a sweep that reads only due rows through an index costs the same whatever the size.
/// </summary>
internal static class SweepBenchmark
{
    /// <summary>Enough for the JIT to settle on optimised code before anything is counted.</summary>
    private const int WarmUpRuns = 50;

    public static async Task<int> RunAsync(SweepSettings settings)
    {
        PostgresProcess? postgres = settings.Providers.Contains(SweepSettings.Postgres) ? await PostgresProcess.StartAsync() : null;
        try
        {
            var nothingSent = true;
            foreach (var provider in settings.Providers)
            {
                var databases = new List<SweepDatabase>();
                try
                {
                    foreach (var size in settings.Sizes)
                    {
                        databases.Add(await SweepDatabase.CreateAsync(provider, postgres, size));
                    }
                    var times = await TimeAsync(databases, settings.Runs);
                    foreach (var database in databases)
                    {
                        var (reminders, briefings, nudges) = times[database];
                        var enqueued = await database.EnqueuedAsync();
                        nothingSent &= enqueued == 0;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"sweeps provider={provider} open={database.Size} reminders={reminders:F3}ms briefings={briefings:F3}ms nudges={nudges:F3}ms enqueued={enqueued}"));
                    }
                    var (small, large) = (times[databases.MinBy(d => d.Size)!], times[databases.MaxBy(d => d.Size)!]);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"sweeps provider={provider} ratio {settings.Sizes.Max()}/{settings.Sizes.Min()}: reminders={large.Reminders / small.Reminders:F2} briefings={large.Briefings / small.Briefings:F2} nudges={large.Nudges / small.Nudges:F2}"));
                }
                finally
                {
                    foreach (var database in databases)
                    {
                        await database.DisposeAsync();
                    }
                }
            }
            // Nothing is due, so a sweep that sent something is wrong whatever its speed.
            return nothingSent ? 0 : 1;
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Median milliseconds per sweep and database. The databases take turns run by run, so a change in the machine's
    /// load (it is shared) or the JIT warming up weighs on every size alike; the first runs are not counted.
    /// </summary>
    private static async Task<Dictionary<SweepDatabase, (double Reminders, double Briefings, double Nudges)>> TimeAsync(List<SweepDatabase> databases, int runs)
    {
        var samples = databases.ToDictionary(d => d, _ => (Reminders: new List<double>(), Briefings: new List<double>(), Nudges: new List<double>()));
        for (var run = 0; run < WarmUpRuns + runs; run++)
        {
            foreach (var database in databases)
            {
                var reminders = await database.TimeAsync<ReminderSweep>();
                var briefings = await database.TimeAsync<BriefingSweep>();
                var nudges = await database.TimeAsync<NudgeSweep>();
                if (run >= WarmUpRuns)
                {
                    samples[database].Reminders.Add(reminders);
                    samples[database].Briefings.Add(briefings);
                    samples[database].Nudges.Add(nudges);
                }
            }
        }
        return samples.ToDictionary(s => s.Key, s => (Median(s.Value.Reminders), Median(s.Value.Briefings), Median(s.Value.Nudges)));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
