using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// Kills the host with SIGKILL three times during one run, against Teams' rate limits, and restarts it each time. Only
/// a send that reached Teams but whose result was not yet written can go out twice, and there are never more such
/// sends than <c>Delivery:MaxParallelism</c>: the bound comes from configuration, not from this run.
/// </summary>
public sealed class CrashRecoveryTests(PostgresServer postgres)
{
    private const int Messages = 1500;
    private const int MaxParallelism = 16;
    private static readonly double[] KillPoints = [0.2, 0.45, 0.7];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_host_killed_at_three_points_delivers_everything_and_repeats_only_sends_in_flight_at_a_kill(string provider)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("communitybot-crash-").FullName;
        using var cleanup = new TemporaryDirectory(workingDirectory);
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = TimeSpan.FromMilliseconds(10);
        fake.UseRateLimits(new TeamsRateLimitPolicy { TenantRequestsPerSecond = 500 });
        var (settings, open) = await StorageAsync(provider, workingDirectory);
        await using (var db = open())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            await OutboxSeeding.SeedAsync(db, fake, Messages);
        }
        settings["Delivery__MaxParallelism"] = $"{MaxParallelism}";
        settings["Delivery__TenantRequestsPerSecond"] = "450";
        settings["Delivery__LeaseDuration"] = "00:00:03";
        settings["Delivery__PollInterval"] = "00:00:01";

        var inFlightAtKills = new List<HashSet<string>>();
        try
        {
            foreach (var point in KillPoints)
            {
                var sentBefore = fake.SentActivities.Count;
                await using var host = await DeliveryHosts.StartAsync(workingDirectory, settings);
                await fake.WaitUntilAsync(() => AcceptedTexts(fake).Count >= point * Messages, TimeSpan.FromMinutes(2));
                host.Kill();
                await using var afterKill = open();
                var recorded = await SentKeysAsync(afterKill);
                // This host's sends that reached Teams but whose result it did not write before it died.
                inFlightAtKills.Add([.. fake.SentActivities.Skip(sentBefore).Select(r => r.Activity!.Text!).Where(text => !recorded.Contains(text))]);
            }
            await using var last = await DeliveryHosts.StartAsync(workingDirectory, settings);
            await using var check = open();
            await Eventually.TrueAsync(async () => await OutboxSeeding.CountAsync(check, OutboxState.Sent) >= Messages, TimeSpan.FromMinutes(3));

            var sends = fake.SentActivities.GroupBy(r => r.Activity!.Text!).ToDictionary(g => g.Key, g => g.Count());
            var duplicated = sends.Where(s => s.Value > 1).Select(s => s.Key).ToList();
            var figures = $"Crash test ({provider}): sent but not recorded at the kills {string.Join(", ", inFlightAtKills.Select(k => k.Count))}; " +
                $"{sends.Count} of {Messages} delivered, {sends.Values.Sum(c => c - 1)} duplicate(s); parallelism {MaxParallelism}; " +
                $"{fake.RateLimits!.Throttled} answered 429.";
            TestContext.Current.SendDiagnosticMessage(figures);
            TestContext.Current.TestOutputHelper?.WriteLine(figures);

            (await OutboxSeeding.CountAsync(check, OutboxState.Sent)).ShouldBe(Messages, last.Output);
            sends.Count.ShouldBe(Messages);
            inFlightAtKills.ShouldAllBe(inFlight => inFlight.Count <= MaxParallelism, figures);
            duplicated.ShouldAllBe(text => inFlightAtKills.Any(inFlight => inFlight.Contains(text)), figures);
            duplicated.Count.ShouldBeLessThanOrEqualTo(KillPoints.Length * MaxParallelism, figures);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static HashSet<string> AcceptedTexts(FakeTeamsConnector fake) =>
        [.. fake.SentActivities.Select(r => r.Activity!.Text!)];

    private static async Task<HashSet<string>> SentKeysAsync(AppDbContext db) =>
        [.. await db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Sent).Select(m => m.DedupeKey).ToListAsync()];

    private async Task<(Dictionary<string, string> Settings, Func<AppDbContext> Open)> StorageAsync(string provider, string workingDirectory)
    {
        if (provider == "PostgreSql")
        {
            var connectionString = await postgres.DatabaseAsync($"crash_{Guid.NewGuid():N}");
            return (new Dictionary<string, string>
            {
                ["Storage__Provider"] = "PostgreSql",
                ["Storage__ConnectionString"] = connectionString,
            }, () => OutboxSeeding.Postgres(connectionString));
        }
        var database = Path.Combine(workingDirectory, "communitybot.db");
        // Creates the file in WAL mode, which stays on in it.
        await using var created = await OutboxSeeding.CreateSqliteAsync(database);
        return (new Dictionary<string, string> { ["Storage__ConnectionString"] = $"Data Source={database}" }, () => OutboxSeeding.Sqlite(database));
    }
}
