using System.Net;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Connector;

public sealed class ConnectorFailureTests
{
    private const string Conversation = "a:1on1-29:1abc";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Throttled_send_reports_Retry_After_in_seconds()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.ThrottleNext(1, TimeSpan.FromSeconds(7));

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Throttled);
        result.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        harness.Fake.SentActivities.ShouldBeEmpty();
    }

    [Fact]
    public async Task Throttled_send_reads_Retry_After_as_an_HTTP_date_against_the_injected_clock()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.RespondToNext(1, FakeConnectorDecision.ThrottleUntil(ConnectorHarness.Now.AddSeconds(90)));

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Throttled);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Retry_After_date_in_the_past_means_retry_now()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.RespondToNext(1, FakeConnectorDecision.ThrottleUntil(ConnectorHarness.Now.AddMinutes(-1)));

        var result = await Send(harness);

        result.RetryAfter.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, ConnectorOutcome.Forbidden)]
    [InlineData(HttpStatusCode.NotFound, ConnectorOutcome.NotFound)]
    [InlineData(HttpStatusCode.PreconditionFailed, ConnectorOutcome.Transient)]
    [InlineData(HttpStatusCode.InternalServerError, ConnectorOutcome.Transient)]
    [InlineData(HttpStatusCode.BadGateway, ConnectorOutcome.Transient)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ConnectorOutcome.Transient)]
    [InlineData(HttpStatusCode.BadRequest, ConnectorOutcome.Rejected)]
    [InlineData(HttpStatusCode.Unauthorized, ConnectorOutcome.Rejected)]
    [InlineData(HttpStatusCode.Conflict, ConnectorOutcome.Rejected)]
    public async Task Failed_send_is_mapped_to_a_typed_outcome(HttpStatusCode status, ConnectorOutcome expected)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(1, status);

        var result = await Send(harness);

        result.Outcome.ShouldBe(expected);
        result.StatusCode.ShouldBe(status);
        result.Value.ShouldBeNull();
    }

    [Fact]
    public async Task Error_carries_the_status_and_Teams_error_code_but_never_the_message_text()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(1, HttpStatusCode.Forbidden);

        var result = await Send(harness);

        result.Error.ShouldBe("HTTP 403 ConversationBlockedByUser");
        result.ToString().ShouldNotContain(FakeTeamsConnector.ErrorMessageText);
    }

    [Fact]
    public async Task Blocked_and_gone_conversations_answer_403_and_404()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.SetConversationState("a:1on1-blocked", FakeConversationState.Blocked);
        harness.Fake.SetConversationState("a:1on1-gone", FakeConversationState.Gone);

        var blocked = await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:1on1-blocked", Activity.CreateMessage("x"), Ct);
        var gone = await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:1on1-gone", Activity.CreateMessage("x"), Ct);

        blocked.Outcome.ShouldBe(ConnectorOutcome.Forbidden);
        gone.Outcome.ShouldBe(ConnectorOutcome.NotFound);
    }

    [Fact]
    public async Task Scripted_faults_for_one_conversation_leave_others_alone()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.FailNext(1, HttpStatusCode.InternalServerError, conversationId: "a:1on1-other");

        var result = await Send(harness);

        result.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Success_with_an_empty_body_is_still_a_success()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.RespondToNext(1, new FakeConnectorDecision { StatusCode = HttpStatusCode.OK });

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Success);
        result.Value.ShouldNotBeNull().Id.ShouldBeNull();
    }

    [Fact]
    public async Task A_connector_that_does_not_answer_in_time_is_transient()
    {
        // The fake's own clock never advances, so its latency lasts until the client gives up.
        await using var harness = await ConnectorHarness.StartAsync(
            configure: services => services.AddHttpClient<ConnectorClient>().ConfigureHttpClient(http => http.Timeout = TimeSpan.FromMilliseconds(200)),
            fakeConnectorTime: new FakeTimeProvider());
        harness.Fake.DelayNext(1, TimeSpan.FromHours(1));

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Transient);
        result.Error.ShouldBe("timeout");
    }

    [Fact]
    public async Task A_connector_that_cannot_be_reached_is_transient()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var closedPort = harness.Fake.BaseAddress.Port;
        await harness.Fake.DisposeAsync();

        var result = await harness.Client.SendToConversationAsync($"http://127.0.0.1:{closedPort}/teams/", Conversation, Activity.CreateMessage("x"), Ct);

        result.Outcome.ShouldBe(ConnectorOutcome.Transient);
        result.Error.ShouldNotBeNull().ShouldStartWith("network");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_result()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            harness.Client.SendToConversationAsync(harness.ServiceUrl, Conversation, Activity.CreateMessage("x"), cancelled.Token));
    }

    private static Task<ConnectorResult<ResourceResponse>> Send(ConnectorHarness harness) =>
        harness.Client.SendToConversationAsync(harness.ServiceUrl, Conversation, Activity.CreateMessage("Reminder"), Ct);
}
