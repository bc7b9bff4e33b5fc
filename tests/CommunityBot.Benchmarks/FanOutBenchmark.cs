using System.Diagnostics;
using System.Globalization;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Teams.Connector;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Benchmarks;

/// <summary>
/// One message to each of N recipients (one conversation each) through the real outbox and dispatcher, against the
/// fake connector enforcing Teams' limits with a scaled tenant ceiling.
/// </summary>
internal sealed record FanOutSettings(int Recipients, int Ceiling, double Pace, int Parallelism, TimeSpan Latency)
{
    public static FanOutSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var ceiling = int.Parse(Arg("--ceiling") ?? "500", CultureInfo.InvariantCulture);
        return new FanOutSettings(
            int.Parse(Arg("--recipients") ?? "10000", CultureInfo.InvariantCulture),
            ceiling,
            double.Parse(Arg("--pace") ?? (ceiling * 0.98).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Arg("--parallelism") ?? "32", CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(int.Parse(Arg("--latency-ms") ?? "20", CultureInfo.InvariantCulture)));
    }
}

internal static class FanOutBenchmark
{
    /// <summary>Teams' documented per-app, per-tenant ceiling, for the extrapolation.</summary>
    private const double TeamsCeiling = 50;
    private const int TeamsRecipients = 45_000;

    public static async Task<int> RunAsync(FanOutSettings settings)
    {
        var database = Path.Combine(Path.GetTempPath(), $"communitybot-bench-{Guid.NewGuid():N}.db");
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.Latency = settings.Latency;
        var limits = new TeamsRateLimitPolicy { TenantRequestsPerSecond = settings.Ceiling };
        fake.UseRateLimits(limits);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={database}",
            ["Delivery:TenantRequestsPerSecond"] = settings.Pace.ToString(CultureInfo.InvariantCulture),
            ["Delivery:MaxParallelism"] = settings.Parallelism.ToString(CultureInfo.InvariantCulture),
            ["Delivery:BatchSize"] = "500",
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
            await SeedAsync(provider, fake, settings.Recipients);
            var dispatcher = provider.GetRequiredService<DeliveryDispatcher>();
            var wall = Stopwatch.StartNew();
            while (fake.SentActivities.Count < settings.Recipients)
            {
                await dispatcher.RunAsync(CancellationToken.None);
                if (await provider.GetRequiredService<OutboxClaims>().NextDueAsync(CancellationToken.None) is { } next && next > TimeProvider.System.GetUtcNow())
                {
                    await Task.Delay(next - TimeProvider.System.GetUtcNow());
                }
            }
            wall.Stop();
            Report(settings, fake, limits, wall.Elapsed);
            return 0;
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

    private static async Task SeedAsync(IServiceProvider provider, FakeTeamsConnector fake, int recipients)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var conversations = Enumerable.Range(0, recipients).Select(i => new Conversation
        {
            TenantId = FakeTeamsConnector.DefaultTenantId,
            ConversationId = $"a:1on1-29:recipient-{i}",
            ServiceUrl = fake.ServiceUrl,
            Kind = ConversationKind.Personal,
            InstalledAt = TimeProvider.System.GetUtcNow(),
        }).ToList();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync();
        conversations.ForEach(c => fake.AddConversation(c.ConversationId, c.TenantId));
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var (conversation, i) in conversations.Select((c, i) => (c, i)))
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"bench:{i}",
                TenantId = FakeTeamsConnector.DefaultTenantId,
                ConversationRowId = conversation.Id,
                Text = $"bench:{i}",
                Purpose = "benchmark",
            }, CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    private static void Report(FanOutSettings settings, FakeTeamsConnector fake, TeamsRateLimitPolicy limits, TimeSpan wall)
    {
        var accepted = fake.SentActivities.Select(r => r.ReceivedAt).Order().ToList();
        var requests = fake.Requests.Count(r => r.Operation == FakeConnectorOperation.SendToConversation);
        var duplicates = accepted.Count - fake.SentActivities.Select(r => r.Activity!.Text).Distinct().Count();
        // Rate over the span of accepted sends: n sends span n-1 intervals.
        var span = (accepted[^1] - accepted[0]).TotalSeconds;
        var rate = (accepted.Count - 1) / span;
        var ratio = rate / settings.Ceiling;
        var throttledShare = (double)limits.Throttled / requests;
        var teamsMinutes = TeamsRecipients / (ratio * TeamsCeiling) / 60;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"recipients={settings.Recipients} ceiling={settings.Ceiling}/s pace={settings.Pace}/s parallelism={settings.Parallelism} latency={settings.Latency.TotalMilliseconds}ms"));
        Console.WriteLine(string.Create(c, $"achieved={rate:F1} msg/s ratio={ratio:F3} requests={requests} 429s={limits.Throttled} ({throttledShare:P2}) duplicates={duplicates} wall={wall.TotalSeconds:F1}s"));
        Console.WriteLine(string.Create(c, $"extrapolated: {TeamsRecipients} recipients at Teams' {TeamsCeiling}/s ceiling x {ratio:F3} = {teamsMinutes:F1} min"));
    }
}
