using System.Globalization;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Teams.Connector;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Benchmarks;

/// <summary>How big a bulk send, how often an interactive message to each tenant, at which ceiling.</summary>
internal sealed record FairnessSettings(int Bulk, TimeSpan Every, int Ceiling)
{
    public static FairnessSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new FairnessSettings(
            int.Parse(Arg("--bulk") ?? "10000", CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(int.Parse(Arg("--every-ms") ?? "1000", CultureInfo.InvariantCulture)),
            int.Parse(Arg("--ceiling") ?? "50", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// While tenant A receives a bulk send (one message per conversation, through the real outbox and the delivery
/// worker, against the fake connector enforcing Teams' limits at the ceiling), one interactive message to tenant A
/// and one to tenant B are enqueued every interval; prints the latency from enqueue to Teams of both tenants'
/// interactive messages. Fails when a message is lost or sent twice, or the run does not end in time.
/// </summary>
internal static class FairnessBenchmark
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";

    public static async Task<int> RunAsync(FairnessSettings settings)
    {
        var database = Path.Combine(Path.GetTempPath(), $"communitybot-fairness-{Guid.NewGuid():N}.db");
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = TimeSpan.FromMilliseconds(20);
        var limits = new TeamsRateLimitPolicy { TenantRequestsPerSecond = settings.Ceiling };
        fake.UseRateLimits(limits);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={database}",
            ["Delivery:TenantRequestsPerSecond"] = settings.Ceiling.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .AddStorage(configuration)
            .AddTeamsConnector()
            .AddDelivery(configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var rounds = (int)Math.Ceiling(settings.Bulk / (double)settings.Ceiling / settings.Every.TotalSeconds);
            var (bulk, urgentA, urgentB) = await SeedAsync(provider, fake, settings.Bulk, rounds);
            foreach (var service in provider.GetServices<IHostedService>())
            {
                await service.StartAsync(CancellationToken.None);
            }
            var started = TimeProvider.System.GetUtcNow();
            await EnqueueAsync(provider, bulk.Select((c, i) => Message(c, $"bulk:{i}", DeliveryPriority.Bulk)));

            var enqueued = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            using var timer = new PeriodicTimer(settings.Every);
            for (var i = 0; i < rounds && Delivered(fake, "bulk:") < settings.Bulk; i++)
            {
                await timer.WaitForNextTickAsync();
                foreach (var (conversation, key) in new[] { (urgentA[i], $"a:{i}"), (urgentB[i], $"b:{i}") })
                {
                    enqueued[key] = TimeProvider.System.GetUtcNow();
                    await EnqueueAsync(provider, [Message(conversation, key, DeliveryPriority.Interactive)]);
                }
            }
            var total = settings.Bulk + enqueued.Count;
            var timeout = TimeSpan.FromSeconds(settings.Bulk / (double)settings.Ceiling * 1.5 + 60);
            try
            {
                await fake.WaitUntilAsync(() => fake.SentActivities.Count >= total, timeout - (TimeProvider.System.GetUtcNow() - started));
            }
            catch (TimeoutException)
            {
                await Console.Error.WriteLineAsync($"stuck: {fake.SentActivities.Count} of {total} delivered within {timeout}");
                return 1;
            }
            return Report(settings, fake, limits, enqueued, total, TimeProvider.System.GetUtcNow() - started);
        }
        finally
        {
            foreach (var service in provider.GetServices<IHostedService>())
            {
                await service.StopAsync(CancellationToken.None);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static int Delivered(FakeTeamsConnector fake, string prefix) =>
        fake.SentActivities.Count(r => r.Activity!.Text!.StartsWith(prefix, StringComparison.Ordinal));

    private static OutgoingMessage Message(Conversation conversation, string key, DeliveryPriority priority) => new()
    {
        DedupeKey = key,
        TenantId = conversation.TenantId,
        ConversationRowId = conversation.Id,
        Text = key,
        Purpose = "benchmark",
        Priority = priority,
    };

    private static async Task<(List<Conversation> Bulk, List<Conversation> UrgentA, List<Conversation> UrgentB)> SeedAsync(
        IServiceProvider provider, FakeTeamsConnector fake, int bulk, int rounds)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        List<Conversation> Channels(string tenant, string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => new Conversation
        {
            TenantId = tenant,
            ConversationId = $"19:{prefix}-{i}@thread.tacv2",
            ServiceUrl = fake.ServiceUrl,
            Kind = ConversationKind.Channel,
            InstalledAt = TimeProvider.System.GetUtcNow(),
        })];
        var (bulkChannels, urgentA, urgentB) = (Channels(TenantA, "bulk", bulk), Channels(TenantA, "urgent-a", rounds), Channels(TenantB, "urgent-b", rounds));
        db.Conversations.AddRange([.. bulkChannels, .. urgentA, .. urgentB]);
        await db.SaveChangesAsync();
        foreach (var conversation in bulkChannels.Concat(urgentA).Concat(urgentB))
        {
            fake.AddConversation(conversation.ConversationId, conversation.TenantId);
        }
        return (bulkChannels, urgentA, urgentB);
    }

    private static async Task EnqueueAsync(IServiceProvider provider, IEnumerable<OutgoingMessage> messages)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var message in messages)
        {
            await outbox.EnqueueAsync(message, CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    private static int Report(FairnessSettings settings, FakeTeamsConnector fake, TeamsRateLimitPolicy limits,
        Dictionary<string, DateTimeOffset> enqueued, int total, TimeSpan wall)
    {
        var sent = fake.SentActivities;
        var duplicates = sent.Count - sent.Select(r => r.Activity!.Text).Distinct().Count();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"fairness bulk={settings.Bulk} (tenant A) interactive every {settings.Every.TotalMilliseconds}ms to A and B, ceiling={settings.Ceiling}/s"));
        var slowest = TimeSpan.Zero;
        foreach (var tenant in new[] { "a", "b" })
        {
            var latencies = sent.Where(r => enqueued.ContainsKey(r.Activity!.Text!) && r.Activity!.Text!.StartsWith(tenant + ":", StringComparison.Ordinal))
                .Select(r => r.ReceivedAt - enqueued[r.Activity!.Text!]).Order().ToList();
            var p99 = latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(0.99 * latencies.Count) - 1)];
            slowest = p99 > slowest ? p99 : slowest;
            Console.WriteLine(string.Create(c,
                $"tenant {tenant.ToUpperInvariant()} interactive: n={latencies.Count} p50={latencies[latencies.Count / 2].TotalMilliseconds:F0}ms p99={p99.TotalMilliseconds:F0}ms max={latencies[^1].TotalMilliseconds:F0}ms"));
        }
        Console.WriteLine(string.Create(c, $"delivered={sent.Select(r => r.Activity!.Text).Distinct().Count()}/{total} duplicates={duplicates} 429s={limits.Throttled} wall={wall.TotalSeconds:F1}s"));
        return duplicates == 0 && slowest < TimeSpan.FromSeconds(2) ? 0 : 1;
    }
}
