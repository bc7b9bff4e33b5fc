using CommunityBot.Tests.Processes;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// Two and three host processes on one PostgreSQL, each configured to the tenant's whole ceiling (not divided by the
/// number of instances), fanning out through the benchmark against a fake Teams that enforces the real limits:
/// together they reach everyone once and never put more than the ceiling into one second.
/// </summary>
[Collection(PacedRunsCollection.Name)]
public sealed class FanOutAcrossInstancesTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_and_three_instances_on_one_PostgreSQL_reach_everyone_once()
    {
        var runs = new[]
        {
            await FanOutBenchmarkRun.StartAsync("--profile", "multi", "--recipients", "80", "--database", "postgres", "--instances", "2", "--connection-string", await DatabaseAsync()),
            await FanOutBenchmarkRun.StartAsync("--profile", "no-chats", "--recipients", "250", "--database", "postgres", "--instances", "3", "--connection-string", await DatabaseAsync()),
        };

        FanOutBenchmarkRun.ShouldAllReachEveryoneOnce(runs);
        FanOutBenchmarkRun.ShouldStayWithinTheCeiling(runs);
        // Every instance took part: otherwise "three instances" would be one doing the work.
        runs.ShouldAllBe(run => run.Claims().All(claimed => claimed > 0), string.Join(Environment.NewLine, runs.Select(r => r.Output)));
    }

    private async Task<string> DatabaseAsync() => await postgres.DatabaseAsync($"fanout_{Guid.NewGuid():N}");
}
