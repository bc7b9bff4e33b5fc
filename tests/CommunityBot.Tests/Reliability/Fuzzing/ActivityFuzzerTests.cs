using System.Globalization;
using CommunityBot.Tests.Delivery;
using CsCheck;
using Xunit;

namespace CommunityBot.Tests.Reliability.Fuzzing;

/// <summary>
/// A seeded fuzzer of what Teams can post: valid activities (every command trigger, installs and conversation updates,
/// every button of every card the bot sent) mutated in their types, sizes, unicode, ids, tenants, senders and activity
/// ids, on SQLite and on PostgreSQL. A failure names its seed: <c>CsCheck_Seed=&lt;seed&gt;</c> replays the same cases,
/// <c>FUZZ_CASES</c> sets how many (the test command runs <see cref="DefaultCases"/> per provider).
/// </summary>
public sealed class ActivityFuzzerTests(PostgresServer postgres)
{
    public const int DefaultCases = 100;

    [Fact]
    public Task Mutated_activities_never_get_a_5xx_an_error_log_or_a_change_by_someone_not_allowed_on_SQLite() =>
        FuzzAsync(settings => { });

    [Fact]
    public async Task Mutated_activities_never_get_a_5xx_an_error_log_or_a_change_by_someone_not_allowed_on_PostgreSQL()
    {
        var connectionString = await postgres.DatabaseAsync($"fuzz_{Guid.NewGuid():N}");
        await FuzzAsync(settings =>
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = connectionString;
        });
    }

    private static async Task FuzzAsync(Action<IDictionary<string, string?>> configure)
    {
        await using var app = await BotApplication.StartAsync(configure);
        var fuzzer = await ActivityFuzzer.CreateAsync(app);
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultCases;
        var dice = Gen.Int[0, int.MaxValue];
        var run = Gen.Select(dice, dice, dice, dice, dice, dice, (start, sender, mutation, target, value, size) => new FuzzCase(start, sender, mutation, target, value, size)).Array[cases];

        // One sample is one run of cases against one host (they build on each other's state), so a seed replays the run.
        await run.SampleAsync(async all =>
        {
            for (var i = 0; i < all.Length; i++)
            {
                if (await fuzzer.RunAsync(all[i]) is { } problem)
                {
                    throw new FuzzFailure($"case {i + 1} of {all.Length}: {problem}");
                }
            }
        }, iter: 1, threads: 1, print: all => $"{all.Length} cases");
    }

    private sealed class FuzzFailure(string message) : Exception(message);
}
