using CommunityBot.Delivery;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// At Teams' real ceiling (50 requests a second per tenant) and the default batch, on the fake clock: interactive
/// messages overtake a bulk backlog, and one tenant's backlog does not slow another tenant.
/// </summary>
public sealed class DeliveryPriorityTests
{
    private const string OtherTenant = "other-tenant";
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task An_interactive_message_enqueued_behind_5000_bulk_ones_leaves_within_seconds()
    {
        await using var app = await BotApplication.StartAsync();
        var channels = await app.AddChannelsAsync(5001);
        await app.EnqueueAllAsync(channels.Take(5000).Select((c, i) => DeliveryTesting.TextTo(c, $"bulk:{i}", DeliveryPriority.Bulk)));
        await app.AdvanceUntilAsync(() => app.Connector.SentActivities.Count >= 100, Step, TimeSpan.FromSeconds(30));

        var enqueuedAt = app.Clock.GetUtcNow();
        await app.EnqueueAsync(DeliveryTesting.TextTo(channels[^1], "help alert", DeliveryPriority.Interactive));
        await app.AdvanceUntilAsync(() => app.AcceptedTexts().ContainsKey("help alert"), Step, TimeSpan.FromSeconds(30));

        var sent = app.Connector.SentActivities.Single(r => r.Activity!.Text == "help alert");
        var bulkBefore = app.Connector.SentActivities.Count(r => r.ReceivedAt > enqueuedAt && r.ReceivedAt < sent.ReceivedAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"interactive behind 5,000 bulk: {(sent.ReceivedAt - enqueuedAt).TotalMilliseconds:F0} ms, {bulkBefore} bulk sends meanwhile");
        (sent.ReceivedAt - enqueuedAt).ShouldBeLessThan(TimeSpan.FromSeconds(2));
        (await app.OutboxAsync()).Count(m => m.State == OutboxState.Pending).ShouldBeGreaterThan(4000, "the bulk backlog was overtaken, not finished");
    }

    [Fact]
    public async Task While_one_tenant_receives_bulk_both_tenants_interactive_messages_arrive_within_two_seconds()
    {
        await using var app = await BotApplication.StartAsync();
        var bulk = await app.AddChannelsAsync(1500, "19:bulk");
        var ownUrgent = await app.AddChannelsAsync(20, "19:urgent-a");
        var otherUrgent = await app.AddChannelsAsync(20, "19:urgent-b", OtherTenant);
        await app.EnqueueAllAsync(bulk.Select((c, i) => DeliveryTesting.TextTo(c, $"bulk:{i}", DeliveryPriority.Bulk)));

        // Every half second one interactive message to each tenant, while tenant A's backlog lasts.
        var enqueued = new Dictionary<string, DateTimeOffset>();
        var next = app.Clock.GetUtcNow();
        for (var i = 0; i < 20; i++, next += TimeSpan.FromMilliseconds(500))
        {
            await app.AdvanceUntilAsync(() => app.Clock.GetUtcNow() >= next, Step, TimeSpan.FromSeconds(5));
            foreach (var (channel, key) in new[] { (ownUrgent[i], $"a:{i}"), (otherUrgent[i], $"b:{i}") })
            {
                enqueued[key] = app.Clock.GetUtcNow();
                await app.EnqueueAsync(DeliveryTesting.TextTo(channel, key, DeliveryPriority.Interactive));
            }
        }
        await app.AdvanceUntilAsync(() => enqueued.Keys.All(app.AcceptedTexts().ContainsKey), Step, TimeSpan.FromSeconds(30));

        var latencies = app.Connector.SentActivities.Where(r => enqueued.ContainsKey(r.Activity!.Text!))
            .GroupBy(r => r.Activity!.Text![0])
            .ToDictionary(g => g.Key, g => g.Select(r => r.ReceivedAt - enqueued[r.Activity!.Text!]).Order().ToList());
        foreach (var (tenant, times) in latencies)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"tenant {tenant} interactive: p50 {times[times.Count / 2].TotalMilliseconds:F0} ms, p99 {Percentile(times, 0.99).TotalMilliseconds:F0} ms, max {times[^1].TotalMilliseconds:F0} ms");
            Percentile(times, 0.99).ShouldBeLessThan(TimeSpan.FromSeconds(2), $"tenant {tenant}");
        }
        (await app.OutboxAsync()).Count(m => m.State == OutboxState.Pending).ShouldBeGreaterThan(0, "tenant A's backlog lasted the whole run");
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
