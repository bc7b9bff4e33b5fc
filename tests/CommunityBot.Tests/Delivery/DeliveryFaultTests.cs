using System.Net;
using System.Net.Http.Json;
using CommunityBot.Delivery;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class DeliveryFaultTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Within = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_429_storm_delays_messages_but_each_is_delivered_exactly_once()
    {
        await using var app = await BotApplication.StartAsync();
        var channels = await app.AddChannelsAsync(20);
        app.Connector.ThrottleNext(60, TimeSpan.FromSeconds(3));
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
        {
            await app.EnqueueAsync(DeliveryTesting.TextTo(channel, $"storm:{i}"));
        }

        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.Connector.Requests.Count(r => r.StatusCode == 429).ShouldBe(60);
        app.AcceptedTexts().Count.ShouldBe(20);
        app.AcceptedTexts().Values.ShouldAllBe(count => count == 1);
        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Sent && m.Attempts == 0);
    }

    [Fact]
    public async Task Retry_After_is_honoured_exactly_for_the_throttled_conversation()
    {
        await using var app = await BotApplication.StartAsync();
        var channel = (await app.AddChannelsAsync(1))[0];
        app.Connector.ThrottleNext(1, TimeSpan.FromSeconds(7));
        await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "paced"));

        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromMilliseconds(100), Within);

        var attempts = app.Connector.Requests.Where(r => r.Operation == FakeConnectorOperation.SendToConversation).ToList();
        attempts.Select(r => r.StatusCode).ShouldBe([429, 201]);
        (attempts[1].ReceivedAt - attempts[0].ReceivedAt).ShouldBeInRange(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.3));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_back_off_until_each_message_is_delivered_once()
    {
        await using var app = await BotApplication.StartAsync();
        var channels = await app.AddChannelsAsync(10);
        app.Connector.FailNext(15, HttpStatusCode.ServiceUnavailable);
        app.Connector.FailNext(5, HttpStatusCode.PreconditionFailed);
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
        {
            await app.EnqueueAsync(DeliveryTesting.TextTo(channel, $"flaky:{i}"));
        }

        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.AcceptedTexts().Count.ShouldBe(10);
        app.AcceptedTexts().Values.ShouldAllBe(count => count == 1);
        var rows = await app.OutboxAsync();
        rows.ShouldAllBe(m => m.State == OutboxState.Sent);
        rows.Sum(m => m.Attempts).ShouldBe(20);
    }

    [Fact]
    public async Task A_recipient_who_blocked_the_bot_is_marked_unreachable_once_and_never_retried()
    {
        var listener = new RecordingUnreachableListener();
        await using var app = await BotApplication.StartAsync(services: s => s.AddSingleton<IUnreachableRecipientListener>(listener));
        var channels = await app.AddChannelsAsync(2);
        app.Connector.SetConversationState(channels[0].ConversationId, FakeConversationState.Blocked);
        for (var i = 0; i < 3; i++)
        {
            await app.EnqueueAsync(DeliveryTesting.TextTo(channels[0], $"blocked:{i}"));
        }
        await app.EnqueueAsync(DeliveryTesting.TextTo(channels[1], "fine"));

        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);
        var requestsToBlocked = app.Connector.Requests.Count(r => r.ConversationId == channels[0].ConversationId);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.EnqueueAsync(DeliveryTesting.TextTo(channels[0], "blocked:later"));
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.Connector.Requests.Count(r => r.ConversationId == channels[0].ConversationId).ShouldBe(requestsToBlocked);
        requestsToBlocked.ShouldBeInRange(1, 3);
        var rows = await app.OutboxAsync();
        rows.Where(m => m.DedupeKey.StartsWith("blocked", StringComparison.Ordinal)).ShouldAllBe(m => m.State == OutboxState.Unreachable);
        rows.Single(m => m.DedupeKey == "fine").State.ShouldBe(OutboxState.Sent);
        var told = listener.Told.ShouldHaveSingleItem();
        told.ConversationRowId.ShouldBe(channels[0].Id);
        told.Reason.ShouldBe("HTTP 403 ConversationBlockedByUser");
    }

    [Fact]
    public async Task A_person_who_left_is_marked_unreachable_when_the_chat_cannot_be_opened()
    {
        var listener = new RecordingUnreachableListener();
        await using var app = await BotApplication.StartAsync(services: s => s.AddSingleton<IUnreachableRecipientListener>(listener));
        await app.AddChannelsAsync(1);
        var person = await app.AddPersonAsync("29:gone");
        app.Connector.SetConversationState("a:1on1-29:gone", FakeConversationState.Gone);

        await app.EnqueueAsync(new OutgoingMessage { DedupeKey = "reminder:gone:1", TenantId = DeliveryTesting.Tenant, PersonId = person.Id, Text = "x" });
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);
        await app.EnqueueAsync(new OutgoingMessage { DedupeKey = "reminder:gone:2", TenantId = DeliveryTesting.Tenant, PersonId = person.Id, Text = "x" });
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.Connector.Requests.Count(r => r.Operation == FakeConnectorOperation.CreateConversation).ShouldBe(1);
        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Unreachable);
        listener.Told.ShouldHaveSingleItem().PersonId.ShouldBe(person.Id);
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_parked_as_failed_and_listed_for_admins_without_its_text()
    {
        await using var app = await BotApplication.StartAsync(settings => settings["Delivery:MaxAttempts"] = "3");
        var channel = (await app.AddChannelsAsync(1))[0];
        app.Connector.FailNext(10, HttpStatusCode.InternalServerError);
        await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "secret text") with { DedupeKey = "briefing:9", Purpose = "briefing" });

        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        var row = (await app.OutboxAsync()).ShouldHaveSingleItem();
        row.State.ShouldBe(OutboxState.Failed);
        row.Attempts.ShouldBe(3);
        app.Connector.Requests.Count(r => r.Operation == FakeConnectorOperation.SendToConversation).ShouldBe(3);
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/admin/delivery/failed", TestContext.Current.CancellationToken);
        body.ShouldNotContain("secret text");
        body.ShouldNotContain(FakeTeamsConnector.ErrorMessageText);
        var listed = (await client.GetFromJsonAsync<List<FailedDelivery>>("/admin/delivery/failed", TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        listed.ShouldBe(new FailedDelivery(row.Id, "briefing:9", DeliveryTesting.Tenant, channel.Id, null, "briefing", "Failed", "HTTP 500 InternalServerError", 3, row.CreatedAt));
    }

    [Fact]
    public async Task The_dispatcher_paces_a_busy_conversation_to_Teams_limits_and_gets_no_429()
    {
        var limits = new TeamsRateLimitPolicy();
        await using var app = await BotApplication.StartAsync();
        app.Connector.UseRateLimits(limits);
        var channel = (await app.AddChannelsAsync(1))[0];
        for (var i = 0; i < 30; i++)
        {
            await app.EnqueueAsync(DeliveryTesting.TextTo(channel, $"busy:{i}"));
        }

        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromMilliseconds(100), Within);

        limits.Throttled.ShouldBe(0);
        app.AcceptedTexts().Count.ShouldBe(30);
        var sent = app.Connector.SentActivities.Select(r => r.ReceivedAt).Order().ToList();
        (sent[^1] - sent[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(6));
    }
}
