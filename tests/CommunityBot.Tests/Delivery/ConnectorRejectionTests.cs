using System.Net;
using CommunityBot.Delivery;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>What each 4xx from Teams does to the queue: only a 401 is about us, and it parks nothing.</summary>
public sealed class ConnectorRejectionTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Within = TimeSpan.FromHours(1);

    [Fact]
    public async Task Rejected_credentials_pause_delivery_and_make_readiness_unhealthy_and_nothing_is_lost_once_they_work_again()
    {
        await using var app = await BotApplication.StartAsync();
        var channels = await app.AddChannelsAsync(40);
        app.Connector.RequiredBearerToken = "a-token-the-bot-does-not-have";
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
        {
            await app.EnqueueAsync(DeliveryTesting.TextTo(channel, $"paused:{i}"));
        }

        await app.DeliveryIdleAsync();
        var rejected = app.Connector.Requests.Count;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliveryIdleAsync();

        app.Connector.Requests.Count.ShouldBe(rejected, "no request while paused");
        rejected.ShouldBeLessThanOrEqualTo(16, "at most the sends already in flight");
        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Pending && m.Attempts == 0);
        using var client = app.CreateClient();
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        app.Connector.RequiredBearerToken = null;
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.AcceptedTexts().Count.ShouldBe(40);
        app.AcceptedTexts().Values.ShouldAllBe(count => count == 1);
        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Sent);
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_bad_request_fails_only_that_message_at_once_and_the_others_are_delivered()
    {
        await using var app = await BotApplication.StartAsync();
        var channels = await app.AddChannelsAsync(3);
        app.Connector.FailNext(1, HttpStatusCode.BadRequest, channels[0].ConversationId);
        foreach (var (channel, i) in channels.Select((c, i) => (c, i)))
        {
            await app.EnqueueAsync(DeliveryTesting.TextTo(channel, $"bad:{i}"));
        }

        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        var rows = await app.OutboxAsync();
        rows[0].State.ShouldBe(OutboxState.Failed);
        rows[0].Attempts.ShouldBe(1);
        rows[0].LastError.ShouldBe("HTTP 400 BadSyntax");
        rows.Skip(1).ShouldAllBe(m => m.State == OutboxState.Sent);
        app.Connector.Requests.Count(r => r.ConversationId == channels[0].ConversationId).ShouldBe(1);
    }

    [Fact]
    public async Task A_conflict_is_retried_and_the_message_is_delivered_once()
    {
        await using var app = await BotApplication.StartAsync();
        var channel = (await app.AddChannelsAsync(1))[0];
        app.Connector.FailNext(2, HttpStatusCode.Conflict);
        await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "conflict"));

        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        var row = (await app.OutboxAsync()).ShouldHaveSingleItem();
        row.State.ShouldBe(OutboxState.Sent);
        row.Attempts.ShouldBe(2);
        app.AcceptedTexts()["conflict"].ShouldBe(1);
    }
}
