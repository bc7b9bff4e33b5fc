using System.Diagnostics;
using System.Globalization;
using CommunityBot.CheckIns;
using CommunityBot.Digests;
using CommunityBot.Testing;

namespace CommunityBot.Benchmarks;

/// <summary>Which sizes (communities, multiples of 50) and providers the digest benchmark runs.</summary>
internal sealed record DigestSettings(IReadOnlyList<int> Sizes, IReadOnlyList<string> Providers, bool LogSql)
{
    public static DigestSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var sizes = (Arg("--sizes") ?? "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Any(s => s <= 0 || s % 50 != 0))
        {
            throw new ArgumentException("--sizes takes numbers of communities that are multiples of 50.");
        }
        return new DigestSettings(sizes, [.. (Arg("--providers") ?? $"{SweepSettings.Sqlite},{SweepSettings.Postgres}").Split(',')], args.Contains("--log-sql"));
    }
}

/// <summary>
/// Every digest of a whole school group: seeds a tenant of N communities (<see cref="DigestSeeder"/>), then times
/// <see cref="DigestBuilder.ForTenantAsync"/> and <see cref="DigestCards.Build"/> for every recipient, as the weekly
/// job will run them, with the peak memory of that run. Checks every section against what was seeded, so a fast
/// wrong answer fails.
/// </summary>
internal static class DigestBenchmark
{
    public static async Task<int> RunAsync(DigestSettings settings)
    {
        PostgresProcess? postgres = settings.Providers.Contains(SweepSettings.Postgres) ? await PostgresProcess.StartAsync() : null;
        try
        {
            var correct = true;
            foreach (var provider in settings.Providers)
            {
                var seconds = new Dictionary<int, double>();
                foreach (var size in settings.Sizes)
                {
                    await using var database = await DigestDatabase.CreateAsync(provider, postgres, size, settings.LogSql);
                    // The first run compiles the queries and JITs the code, which a running host has done long before Monday.
                    var cold = await MeasureAsync(database);
                    var run = await MeasureAsync(database);
                    var errors = await database.CheckAsync(run.Digests);
                    correct &= errors.Count == 0;
                    foreach (var error in errors.Take(10))
                    {
                        Console.Error.WriteLine($"digests provider={provider} communities={size}: {error}");
                    }
                    seconds[size] = run.Seconds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"digests provider={provider} communities={size} seed={database.SeedSeconds:F1}s rows={database.Rows} recipients={run.Digests.Count} cards={run.Cards} first={cold.Seconds:F2}s seconds={run.Seconds:F2} peakWorkingSet={run.PeakWorkingSetMb:F0}MB gcHeapPeak={run.GcHeapPeakMb:F0}MB gcAllocated={run.AllocatedMb:F0}MB errors={errors.Count}"));
                }
                if (seconds.Count > 1)
                {
                    var (small, large) = (seconds.Keys.Min(), seconds.Keys.Max());
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"digests provider={provider} growth {large}/{small}: size x{(double)large / small:F1}, time x{seconds[large] / seconds[small]:F2}"));
                }
            }
            return correct ? 0 : 1;
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private sealed record Run(IReadOnlyList<Digest> Digests, int Cards, double Seconds, double PeakWorkingSetMb, double GcHeapPeakMb, double AllocatedMb);

    private static async Task<Run> MeasureAsync(DigestDatabase database)
    {
        // What seeding left behind is not the digests' memory: collect it and, on Linux, reset the peak (VmHWM).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        ResetPeakWorkingSet();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long heapPeak = GC.GetTotalMemory(false);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var (digests, cards) = await database.AllDigestsAsync();
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Run(digests, cards, watch.Elapsed.TotalSeconds, process.PeakWorkingSet64 / 1048576.0, heapPeak / 1048576.0,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0);
    }

    /// <summary>Linux: "5" into clear_refs resets the peak resident set the kernel reports (and .NET reads).</summary>
    private static void ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("digests: could not reset the peak working set; it includes seeding.");
        }
    }
}
