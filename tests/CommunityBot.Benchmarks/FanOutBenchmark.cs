using System.Globalization;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The fan-out as a school group gets it: people's messages enqueued through the real outbox, delivered by one to
/// three real host processes against the fake connector enforcing Teams' limits at the real ceiling (50 requests/s per
/// tenant). The clock runs from the first enqueue to the last delivery, chat creations included; a run that does not
/// finish within its timeout ends with an error saying what is missing.
/// </summary>
internal static class FanOutBenchmark
{
    /// <summary>0: everyone got their messages once; 1: lost or duplicated, or stuck (timeout); 2: wrong arguments.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (settings, error) = FanOutSettings.Parse(args);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("communitybot-fanout-").FullName;
        using var cleanup = new TemporaryDirectory(folder);
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = settings.Latency;
        fake.UseRateLimits(new TeamsRateLimitPolicy { TenantRequestsPerSecond = FanOutSettings.Ceiling });
        await using var database = await FanOutDatabase.CreateAsync(settings, folder);
        var people = await FanOutWork.SeedAsync(database, fake, settings);
        await using var hosts = await FanOutHosts.StartAsync(database, folder, settings.Instances);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fan-out profile={settings.Profile} database={settings.Database} instances={settings.Instances} recipients={settings.Recipients} " +
            $"messages={settings.Messages} expected-requests={settings.ExpectedRequests} latency={settings.Latency.TotalMilliseconds}ms timeout={settings.Timeout.TotalSeconds}s"));
        var enqueuedAt = TimeProvider.System.GetUtcNow();
        var stuck = await DeliverAsync(database, hosts, settings, people);
        var rows = await database.RowsAsync(CancellationToken.None);
        if (stuck is not null)
        {
            await Console.Error.WriteLineAsync($"{stuck}: {FanOutFigures.Missing(rows, settings.Messages)}");
            return 1;
        }

        var figures = FanOutFigures.Measure(fake.Requests, rows, enqueuedAt, settings.Messages);
        Console.WriteLine(figures.Line());
        Console.WriteLine($"claimed per instance: {string.Join(", ", hosts.ClaimedRows())}");
        var missed = figures.MissedTargets();
        Console.WriteLine(missed.Count == 0 ? "targets: all met" : $"targets missed: {string.Join("; ", missed)}");
        return figures.Correct ? 0 : 1;
    }

    /// <summary>Enqueues the work and waits until no row is left to send; says why when it ends otherwise.</summary>
    private static async Task<string?> DeliverAsync(FanOutDatabase database, FanOutHosts hosts, FanOutSettings settings, IReadOnlyList<long> people)
    {
        using var deadline = new CancellationTokenSource(settings.Timeout);
        try
        {
            await FanOutWork.EnqueueAsync(database, settings, people, deadline.Token);
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (await database.UnfinishedAsync(deadline.Token) > 0)
            {
                if (hosts.ExitedOutput() is { } output)
                {
                    return $"a host process stopped:{Environment.NewLine}{output}{Environment.NewLine}";
                }
                await poll.WaitForNextTickAsync(deadline.Token);
            }
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"timeout after {settings.Timeout.TotalSeconds}s");
        }
    }
}
