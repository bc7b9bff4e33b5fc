using CommunityBot.Delivery;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class CrashRecoveryTests
{
    private const int Messages = 5000;
    private const int MaxParallelism = 16;

    [Fact]
    public async Task A_host_killed_mid_run_delivers_everything_after_restart_with_at_most_the_in_flight_sends_repeated()
    {
        var database = Path.Combine(Path.GetTempPath(), $"communitybot-crash-{Guid.NewGuid():N}.db");
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = TimeSpan.FromMilliseconds(10);
        await using (var db = await OutboxSeeding.CreateSqliteAsync(database))
        {
            await OutboxSeeding.SeedAsync(db, fake.ServiceUrl, Messages);
        }
        var settings = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Delivery__MaxParallelism"] = $"{MaxParallelism}",
            ["Delivery__TenantRequestsPerSecond"] = "2000",
            ["Delivery__LeaseDuration"] = "00:00:03",
            ["Delivery__PollInterval"] = "00:00:01",
        };

        try
        {
            await using (var first = await HostProcess.StartAsync(settings))
            {
                await fake.WaitForActivitiesAsync(Messages / 3, TimeSpan.FromMinutes(2));
                first.Kill();
            }
            var atKill = fake.SentActivities.Count;

            await using var second = await HostProcess.StartAsync(settings);
            await using var check = OutboxSeeding.Sqlite(database);
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (await OutboxSeeding.CountAsync(check, OutboxState.Sent) < Messages && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }

            var sends = fake.SentActivities.GroupBy(r => r.Activity!.Text).ToDictionary(g => g.Key!, g => g.Count());
            var duplicates = sends.Values.Sum(count => count - 1);
            TestContext.Current.SendDiagnosticMessage($"Crash test: killed after {atKill} sends; {sends.Count} of {Messages} delivered, {duplicates} duplicate(s) (bound {MaxParallelism}).");
            TestContext.Current.TestOutputHelper?.WriteLine($"killed after {atKill} sends; delivered {sends.Count}/{Messages}; duplicates {duplicates} (bound: {MaxParallelism} in flight)");

            (await OutboxSeeding.CountAsync(check, OutboxState.Sent)).ShouldBe(Messages, second.Tail());
            sends.Count.ShouldBe(Messages);
            duplicates.ShouldBeLessThanOrEqualTo(MaxParallelism);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
