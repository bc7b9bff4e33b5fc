using System.Diagnostics;
using System.Net;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using CommunityBot.Tests.Processes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Storage;

/// <summary>
/// The database going away under the bot: requests are answered 503 with Retry-After within the request timeout (not
/// after the providers' 30 s), readiness says so, and afterwards the outbox and the sweeps resume with nothing lost or
/// doubled.
/// </summary>
public sealed class DatabaseOutageTests(PostgresServer postgres)
{
    /// <summary>Generous for a loaded 2-core machine; the providers' default would be 30 s.</summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(6);

    /// <summary>As long as the outage.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_message_that_finds_SQLite_locked_by_another_writer_gets_503_with_Retry_After_and_its_retry_is_answered_once()
    {
        await using var app = await BotApplication.StartAsync(s => s["Storage:RequestTimeout"] = "00:00:01");
        // A first message warms the host up, so the time measured below is the lock's.
        (await app.PostAsync(app.Teams.Message("help"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = app.Connector.SentActivities.Count;
        var help = app.Teams.Message("help");
        await using var writer = new SqliteConnection(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        await writer.OpenAsync(TestContext.Current.CancellationToken);
        await using var locked = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);

        var watch = Stopwatch.StartNew();
        using var refused = await app.PostAsync(help);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(10));
        watch.Elapsed.ShouldBeLessThan(Fast);
        TestContext.Current.TestOutputHelper?.WriteLine($"SQLite locked: 503 after {watch.Elapsed.TotalMilliseconds:F0} ms (request timeout 1 s)");
        app.Connector.SentActivities.Count.ShouldBe(before);

        await locked.RollbackAsync(TestContext.Current.CancellationToken);
        using var retried = await app.PostAsync(help);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Connector.SentActivities.Count.ShouldBe(2 * before);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_requests_get_503_fast_and_readiness_is_unhealthy_and_afterwards_every_message_is_delivered_once()
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.DatabaseAsync($"outage_{Guid.NewGuid():N}"));
        await using var proxy = TcpProxy.Start(database.Host!, database.Port);
        database.Host = "127.0.0.1";
        database.Port = proxy.Port;
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = database.ConnectionString;
            s["Storage:RequestTimeout"] = "00:00:02";
        });
        using var client = app.CreateClient();
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var channels = await app.AddChannelsAsync(10);
        // Due a minute from now: none of them is in flight when the database goes (a send in flight then may repeat).
        var later = app.Clock.GetUtcNow().AddMinutes(1);
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
        {
            (await app.EnqueueAsync(DeliveryTesting.TextTo(channel, $"before:{i}") with { NotBefore = later })).ShouldBeTrue();
        }

        proxy.Cut();
        var watch = Stopwatch.StartNew();
        var refused = await UnderLoadAsync(app, Outage);
        refused.ShouldAllBe(r => r.Status == HttpStatusCode.ServiceUnavailable && r.RetryAfter == TimeSpan.FromSeconds(10));
        refused.Max(r => r.Elapsed).ShouldBeLessThan(Fast);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"PostgreSQL down for {Outage.TotalSeconds:F0} s: {refused.Count} messages, each 503, slowest after {refused.Max(r => r.Elapsed).TotalMilliseconds:F0} ms");
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var during = channels.Select((c, i) => DeliveryTesting.TextTo(c, $"during:{i}")).ToList();
        foreach (var message in during)
        {
            (await Should.ThrowAsync<Exception>(() => app.EnqueueAsync(message))).ShouldSatisfyAllConditions(e => DatabaseFailures.IsUnavailable(e).ShouldBeTrue());
        }
        var sweep = await Should.ThrowAsync<Exception>(() => RunAsync<DispatchJob>(app));
        DatabaseFailures.IsUnavailable(sweep).ShouldBeTrue();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.DeliveryIdleAsync();

        proxy.Restore();
        await WaitUntilReadyAsync(client);
        TestContext.Current.TestOutputHelper?.WriteLine($"PostgreSQL outage: {watch.Elapsed.TotalSeconds:F1} s from the cut until readiness was healthy again");
        // What Teams and a feature do next: retry the request and the enqueue; the minutely schedule runs the sweep again.
        using var retried = await app.PostAsync(app.Teams.Message("help"));
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var message in during)
        {
            (await app.EnqueueAsync(message)).ShouldBeTrue();
        }
        await RunAsync<DispatchJob>(app);
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        var texts = app.AcceptedTexts();
        texts.Keys.Where(k => k.StartsWith("before:", StringComparison.Ordinal) || k.StartsWith("during:", StringComparison.Ordinal)).Count().ShouldBe(20);
        texts.Values.ShouldAllBe(count => count == 1);
        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Sent);
    }

    /// <summary>Messages from ten members at a time, wave after wave, for as long as given: how each was answered, and how fast.</summary>
    private static async Task<List<(HttpStatusCode Status, TimeSpan? RetryAfter, TimeSpan Elapsed)>> UnderLoadAsync(BotApplication app, TimeSpan duration)
    {
        var answers = new List<(HttpStatusCode, TimeSpan?, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
            {
                var watch = Stopwatch.StartNew();
                var member = new ChannelAccount { Id = $"29:member-{i}", Name = $"Lid {i}", AadObjectId = $"aad-member-{i}" };
                using var response = await app.PostAsync(app.Teams.Message("help", member));
                return (response.StatusCode, response.Headers.RetryAfter?.Delta, watch.Elapsed);
            })));
        }
        return answers;
    }

    private static async Task RunAsync<TJob>(BotApplication app) where TJob : class, CommunityBot.Jobs.IRecurringJob
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Real time: the pool's dropped connections are noticed and replaced within a few attempts.</summary>
    private static async Task WaitUntilReadyAsync(HttpClient client) =>
        (await Eventually.TrueAsync(
            async () => (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20))).ShouldBeTrue("readiness did not recover after the database came back");
}
