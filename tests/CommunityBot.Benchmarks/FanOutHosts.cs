using System.Globalization;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Processes;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The instances that deliver: real host processes on the run's database, configured to Teams' ceiling as an operator
/// would (the setting is the tenant's total, not divided by the number of instances), quiet but for their claims.
/// </summary>
internal sealed class FanOutHosts : IAsyncDisposable
{
    private readonly List<BotHostProcess> hosts = [];

    public static async Task<FanOutHosts> StartAsync(FanOutDatabase database, string folder, int count)
    {
        var settings = new Dictionary<string, string>
        {
            ["Delivery__TenantRequestsPerSecond"] = FanOutSettings.Ceiling.ToString(CultureInfo.InvariantCulture),
            // The work is enqueued from outside the hosts, so no commit wakes them: a one-second look stands in for
            // the wake-up a sweep's own instance gets.
            ["Delivery__PollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in database.HostSettings)
        {
            settings[key] = value;
        }
        var started = new FanOutHosts();
        try
        {
            // The first alone, so that only it creates Hangfire's schema; the others side by side.
            started.hosts.Add(await StartOneAsync(folder, settings));
            var others = Enumerable.Range(1, count - 1).Select(_ => StartOneAsync(folder, settings)).ToList();
            try
            {
                await Task.WhenAll(others);
            }
            finally
            {
                started.hosts.AddRange(others.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>Start-up is outside the clock, and on a shared machine it can take more than the tests' minute.</summary>
    private static Task<BotHostProcess> StartOneAsync(string folder, Dictionary<string, string> settings) =>
        DeliveryHosts.StartAsync(folder, settings, TimeSpan.FromMinutes(3));

    /// <summary>The output of a host that stopped by itself (it should run until the benchmark ends); null while all run.</summary>
    public string? ExitedOutput() => hosts.FirstOrDefault(h => h.HasExited)?.Output;

    /// <summary>How many outbox rows each instance claimed, from its claims log: shows that every instance took part.</summary>
    public IReadOnlyList<int> ClaimedRows() => [.. hosts.Select(host => host.ClaimedRows())];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }
}
