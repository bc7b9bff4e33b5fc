using CommunityBot.Delivery;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class DeliveryThrottleTests
{
    private const string Tenant = "tenant";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Catching_up_after_a_stall_never_puts_more_than_the_pace_into_one_second()
    {
        var throttle = new DeliveryThrottle(Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 10 }));
        var now = BotApplication.Start;
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < 60; i++)
        {
            // Every fifth caller comes 15 ms late, within the catch-up an even pace alone would allow.
            now += i % 5 == 4 ? TimeSpan.FromMilliseconds(115) : TimeSpan.FromMilliseconds(100);
            var slot = throttle.Reserve(Tenant, $"conversation-{i}", now, MaxWait);
            slot.Reserved.ShouldBeTrue();
            slots.Add(slot.At);
            now = slot.At;
        }

        for (var i = 10; i < slots.Count; i++)
        {
            (slots[i] - slots[i - 10]).ShouldBeGreaterThan(TimeSpan.FromSeconds(1), $"send {i}");
        }
    }

    [Fact]
    public void A_send_that_left_late_counts_from_when_it_left()
    {
        var throttle = new DeliveryThrottle(Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 2 }));
        var now = BotApplication.Start;
        var first = throttle.Reserve(Tenant, "a", now, MaxWait).At;
        throttle.Started(Tenant, first, first + TimeSpan.FromMilliseconds(400));
        throttle.Reserve(Tenant, "b", now, MaxWait).Reserved.ShouldBeTrue();
        var third = throttle.Reserve(Tenant, "c", now, MaxWait).At;

        // Teams saw the first at +400 ms: the third must be a full second after that, not after the reserved instant.
        (third - (first + TimeSpan.FromMilliseconds(400))).ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
    }
}
