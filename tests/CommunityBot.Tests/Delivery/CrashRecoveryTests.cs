using CommunityBot.Delivery;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class CrashRecoveryTests
{
    private const int Messages = 5000;
    private const int MaxParallelism = 16;

    [Fact]
    public async Task A_host_killed_mid_run_delivers_everything_after_restart_repeating_at_most_the_sends_in_flight()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("communitybot-crash-").FullName;
        var database = Path.Combine(workingDirectory, "communitybot.db");
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = TimeSpan.FromMilliseconds(10);
        await using (var db = await OutboxSeeding.CreateSqliteAsync(database))
        {
            await OutboxSeeding.SeedAsync(db, fake, Messages);
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
            await using (var first = await DeliveryHosts.StartAsync(workingDirectory, settings))
            {
                await fake.WaitForActivitiesAsync(Messages / 3, TimeSpan.FromMinutes(2));
                first.Kill();
            }
            // Sent to Teams but not yet recorded as sent when the process died: exactly these may go out twice.
            int recorded;
            await using (var afterKill = OutboxSeeding.Sqlite(database))
            {
                recorded = await OutboxSeeding.CountAsync(afterKill, OutboxState.Sent);
            }
            var atKill = fake.SentActivities.Count;
            var inFlight = atKill - recorded;

            await using var second = await DeliveryHosts.StartAsync(workingDirectory, settings);
            await using var check = OutboxSeeding.Sqlite(database);
            await Eventually.TrueAsync(async () => await OutboxSeeding.CountAsync(check, OutboxState.Sent) >= Messages, TimeSpan.FromMinutes(3));

            var sends = fake.SentActivities.GroupBy(r => r.Activity!.Text).ToDictionary(g => g.Key!, g => g.Count());
            var duplicates = sends.Values.Sum(count => count - 1);
            var figures = $"Crash test: killed after {atKill} sends, {inFlight} of them sent but not yet recorded; {sends.Count} of {Messages} delivered, {duplicates} duplicate(s); parallelism {MaxParallelism}.";
            TestContext.Current.SendDiagnosticMessage(figures);
            TestContext.Current.TestOutputHelper?.WriteLine(figures);

            (await OutboxSeeding.CountAsync(check, OutboxState.Sent)).ShouldBe(Messages, second.Output);
            sends.Count.ShouldBe(Messages);
            duplicates.ShouldBeLessThanOrEqualTo(inFlight, figures);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
