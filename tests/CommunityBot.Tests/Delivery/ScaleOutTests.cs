using CommunityBot.Delivery;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class ScaleOutTests(PostgresServer postgres)
{
    private const int Messages = 5000;

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_deliver_every_message_once()
    {
        var connectionString = await postgres.DatabaseAsync($"scaleout_{Guid.NewGuid():N}");
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = TimeSpan.FromMilliseconds(10);
        // A scaled tenant ceiling that the two instances' paces together stay under.
        fake.UseRateLimits(new TeamsRateLimitPolicy { TenantRequestsPerSecond = 1000 });
        await using var db = OutboxSeeding.Postgres(connectionString);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = connectionString,
            ["Hangfire__Storage"] = "PostgreSql",
            ["Delivery__MaxParallelism"] = "16",
            ["Delivery__BatchSize"] = "50",
            ["Delivery__TenantRequestsPerSecond"] = "450",
            ["Delivery__PollInterval"] = "00:00:01",
        };

        var workingDirectory = Directory.CreateTempSubdirectory("communitybot-scaleout-").FullName;
        using var cleanup = new TemporaryDirectory(workingDirectory);
        // One after the other, so that only one of them creates Hangfire's schema.
        await using var first = await DeliveryHosts.StartAsync(workingDirectory, settings);
        await using var second = await DeliveryHosts.StartAsync(workingDirectory, settings);
        await OutboxSeeding.SeedAsync(db, fake, Messages);

        await Eventually.TrueAsync(async () => await OutboxSeeding.CountAsync(db, OutboxState.Sent) >= Messages, TimeSpan.FromMinutes(3));

        var sends = fake.SentActivities.GroupBy(r => r.Activity!.Text).ToDictionary(g => g.Key!, g => g.Count());
        var duplicates = sends.Values.Sum(count => count - 1);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"delivered {sends.Count}/{Messages}; duplicates {duplicates}; claimed by instance 1: {first.ClaimedRows()}, instance 2: {second.ClaimedRows()}");
        (await OutboxSeeding.CountAsync(db, OutboxState.Sent)).ShouldBe(Messages, first.Output + "\n" + second.Output);
        sends.Count.ShouldBe(Messages);
        duplicates.ShouldBe(0);
        fake.RateLimits!.Throttled.ShouldBe(0, "a throttled row is claimed again, and the claim count below would not add up");
        first.ClaimedRows().ShouldBeGreaterThan(0);
        second.ClaimedRows().ShouldBeGreaterThan(0);
        // A row whose throttle wait is too long is handed back and claimed again, so claims may exceed the messages on a busy
        // machine; sends may not (duplicates above).
        (first.ClaimedRows() + second.ClaimedRows()).ShouldBeGreaterThanOrEqualTo(Messages);
    }
}
