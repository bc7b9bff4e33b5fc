using CommunityBot.Delivery;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// Several host processes on one PostgreSQL (and one Hangfire storage) share each tenant's budget: every instance is
/// set to the fake's ceiling, which any two of them pacing alone would overrun, and together they stay under it.
/// </summary>
[Collection(PacedRunsCollection.Name)]
public sealed class ScaleOutTests(PostgresServer postgres)
{
    /// <summary>A scaled ceiling, so that a run of a few seconds sends enough to show every instance's share.</summary>
    private const int Ceiling = 200;
    private const int Messages = 1200;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Instances_on_one_PostgreSQL_deliver_every_message_once_and_never_exceed_the_tenant_ceiling_together(int instances)
    {
        var connectionString = await postgres.DatabaseAsync($"scaleout_{Guid.NewGuid():N}");
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = TimeSpan.FromMilliseconds(10);
        var limits = new TeamsRateLimitPolicy { TenantRequestsPerSecond = Ceiling };
        fake.UseRateLimits(limits);
        await using var db = OutboxSeeding.Postgres(connectionString);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = connectionString,
            ["Hangfire__Storage"] = "PostgreSql",
            ["Delivery__MaxParallelism"] = "16",
            ["Delivery__BatchSize"] = "50",
            // The tenant's total, not divided by the number of instances.
            ["Delivery__TenantRequestsPerSecond"] = $"{Ceiling}",
            ["Delivery__PollInterval"] = "00:00:01",
        };

        var workingDirectory = Directory.CreateTempSubdirectory("communitybot-scaleout-").FullName;
        using var cleanup = new TemporaryDirectory(workingDirectory);
        var hosts = new List<BotHostProcess>();
        try
        {
            // One after the other, so that only one of them creates Hangfire's schema.
            for (var i = 0; i < instances; i++)
            {
                hosts.Add(await DeliveryHosts.StartAsync(workingDirectory, settings));
            }
            await OutboxSeeding.SeedAsync(db, fake, Messages);

            await Eventually.TrueAsync(async () => await OutboxSeeding.CountAsync(db, OutboxState.Sent) >= Messages, TimeSpan.FromMinutes(2));

            var sends = fake.SentActivities.GroupBy(r => r.Activity!.Text).ToDictionary(g => g.Key!, g => g.Count());
            var duplicates = sends.Values.Sum(count => count - 1);
            var requests = fake.Requests.Where(r => r.Operation == FakeConnectorOperation.SendToConversation).Select(r => r.ReceivedAt).Order().ToList();
            var busiestSecond = requests.GroupBy(at => (long)((at - requests[0]).TotalSeconds)).Max(second => second.Count());
            var figures = $"{instances} instances, ceiling {Ceiling}/s: delivered {sends.Count}/{Messages}; duplicates {duplicates}; " +
                $"busiest fixed second {busiestSecond} requests; 429s {limits.Throttled}; claimed {string.Join(", ", hosts.Select(h => h.ClaimedRows()))}";
            TestContext.Current.SendDiagnosticMessage(figures);
            TestContext.Current.TestOutputHelper?.WriteLine(figures);

            (await OutboxSeeding.CountAsync(db, OutboxState.Sent)).ShouldBe(Messages, string.Join("\n", hosts.Select(h => h.Output)));
            sends.Count.ShouldBe(Messages);
            duplicates.ShouldBe(0);
            // Every request that reached Teams counts, the ones it answered 429 too.
            busiestSecond.ShouldBeLessThanOrEqualTo(Ceiling, figures);
            // The 429s are printed, not asserted: a burst still reaches Teams' sliding window now and then (README, Performance).
            hosts.ShouldAllBe(host => host.ClaimedRows() > 0, figures);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
