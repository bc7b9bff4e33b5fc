using CommunityBot.Tests.Processes;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// Short profiles of the fan-out benchmark on SQLite, one after the other: side by side on two cores, each run's
/// stalls would be the other's, and the per-second figure is what these assert.
/// </summary>
[Collection(PacedRunsCollection.Name)]
public sealed class FanOutBenchmarkTests
{
    [Fact]
    public async Task Short_fan_outs_with_chats_without_chats_and_with_several_messages_each_reach_everyone_once_within_the_ceiling()
    {
        var runs = new[]
        {
            await FanOutBenchmarkRun.StartAsync("--profile", "chats", "--recipients", "300"),
            await FanOutBenchmarkRun.StartAsync("--profile", "no-chats", "--recipients", "200"),
            await FanOutBenchmarkRun.StartAsync("--profile", "multi", "--recipients", "60"),
        };

        FanOutBenchmarkRun.ShouldAllReachEveryoneOnce(runs);
        FanOutBenchmarkRun.ShouldStayWithinTheCeiling(runs);
    }

    [Fact]
    public async Task A_run_that_cannot_finish_in_time_ends_with_an_error_that_says_what_is_missing()
    {
        // 1,000 requests need 20 s at the ceiling.
        var run = await FanOutBenchmarkRun.StartAsync("--profile", "chats", "--recipients", "1000", "--timeout-seconds", "3");

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        run.Error.ShouldContain("timeout after 3s", Case.Sensitive, run.Output + run.Error);
        run.Error.ShouldMatch(@"\d+ of 1000 messages sent; enqueued \d+");
    }
}
