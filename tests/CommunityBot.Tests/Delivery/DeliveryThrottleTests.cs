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
    public void Senders_woken_late_by_a_stall_leave_together_and_the_sends_after_them_wait_for_the_window()
    {
        var throttle = new DeliveryThrottle(Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 10 }));
        var start = BotApplication.Start;
        var stallEnds = start + TimeSpan.FromMilliseconds(500);
        var wakes = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        for (var i = 0; i < 20; i++)
        {
            var reserved = throttle.Reserve(Tenant, $"conversation-{i}", start, MaxWait).At;
            // The first six sleep through a stall and wake together at its end, as PacedConnector's senders would.
            wakes.Enqueue(reserved, reserved < stallEnds ? stallEnds : reserved);
        }

        var departed = new List<DateTimeOffset>();
        while (wakes.TryDequeue(out var reserved, out var wake))
        {
            var at = throttle.Depart(Tenant, reserved, wake);
            if (at > wake)
            {
                wakes.Enqueue(at, at);
            }
            else
            {
                departed.Add(at);
            }
        }

        departed.Count.ShouldBe(20);
        departed.Take(6).ShouldAllBe(at => at == stallEnds);
        for (var i = 10; i < departed.Count; i++)
        {
            (departed[i] - departed[i - 10]).ShouldBeGreaterThan(TimeSpan.FromSeconds(1), $"send {i}");
        }
    }

    [Fact]
    public void Requests_held_up_on_the_way_count_from_when_they_can_have_arrived()
    {
        var throttle = new DeliveryThrottle(Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 10 }));
        var start = BotApplication.Start;
        var warm = throttle.Reserve(Tenant, "warm", start - TimeSpan.FromSeconds(2), MaxWait).At;
        throttle.Answered(Tenant, warm, warm + TimeSpan.FromMilliseconds(20));
        var slots = Enumerable.Range(0, 15).Select(i => throttle.Reserve(Tenant, $"conversation-{i}", start, MaxWait).At).ToList();
        var heldUntil = start + TimeSpan.FromMilliseconds(500);

        // The first five leave on their slots but reach Teams together at +500 ms, answered 20 ms later.
        var arrivals = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            throttle.Depart(Tenant, slots[i], slots[i]).ShouldBe(slots[i]);
            arrivals.Add(heldUntil);
        }
        arrivals.Add(throttle.Depart(Tenant, slots[5], slots[5]));
        for (var i = 0; i < 5; i++)
        {
            throttle.Answered(Tenant, slots[i], heldUntil + TimeSpan.FromMilliseconds(20));
        }
        for (var i = 6; i < slots.Count; i++)
        {
            var now = slots[i];
            var at = throttle.Depart(Tenant, slots[i], now);
            while (at > now)
            {
                now = at;
                at = throttle.Depart(Tenant, at, now);
            }
            arrivals.Add(at);
        }

        arrivals.Sort();
        for (var i = 10; i < arrivals.Count; i++)
        {
            (arrivals[i] - arrivals[i - 10]).ShouldBeGreaterThan(TimeSpan.FromSeconds(1), $"arrival {i}");
        }
    }

    [Fact]
    public void Until_the_first_call_is_answered_the_others_wait_for_it_and_a_first_call_never_answered_holds_them_five_seconds_at_most()
    {
        var throttle = new DeliveryThrottle(Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 10 }));
        var start = BotApplication.Start;

        throttle.WaitForFirstAnswer(start).ShouldBeNull();
        throttle.WaitForFirstAnswer(start).ShouldBe(start + TimeSpan.FromMilliseconds(100));
        throttle.WaitForFirstAnswer(start + TimeSpan.FromSeconds(4.9)).ShouldNotBeNull();
        // Its sender was sent back to the outbox without calling: the next caller makes the first call instead.
        var later = start + TimeSpan.FromSeconds(5);
        throttle.WaitForFirstAnswer(later).ShouldBeNull();
        throttle.WaitForFirstAnswer(later).ShouldNotBeNull();

        throttle.Answered(Tenant, later, later + TimeSpan.FromMilliseconds(300));
        throttle.WaitForFirstAnswer(later + TimeSpan.FromMilliseconds(300)).ShouldBeNull();
        throttle.WaitForFirstAnswer(later + TimeSpan.FromMilliseconds(300)).ShouldBeNull();
    }
}
