using System.Net;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Connector;

public sealed class ConnectorClientTests
{
    private const string Conversation = "a:1on1-29:1abc";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_to_conversation_delivers_the_activity_and_returns_the_id_Teams_assigned()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var result = await harness.Client.SendToConversationAsync(harness.ServiceUrl, Conversation, Activity.CreateMessage("Hello"), Ct);

        result.Outcome.ShouldBe(ConnectorOutcome.Success);
        result.StatusCode.ShouldBe(HttpStatusCode.Created);
        var sent = (await harness.Fake.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(5))).ShouldHaveSingleItem();
        sent.Method.ShouldBe("POST");
        sent.Operation.ShouldBe(FakeConnectorOperation.SendToConversation);
        sent.ConversationId.ShouldBe(Conversation);
        sent.Activity!.Text.ShouldBe("Hello");
        sent.Activity.Id.ShouldBe(result.Value!.Id);
        sent.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task Update_activity_uses_PUT_and_replaces_the_card_in_place()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var posted = await harness.Client.SendToConversationAsync(harness.ServiceUrl, Conversation, Activity.CreateMessage("Open"), Ct);
        var activityId = posted.Value!.Id!;

        var result = await harness.Client.UpdateActivityAsync(harness.ServiceUrl, Conversation, activityId, Activity.CreateMessage("✓ done"), Ct);

        result.Outcome.ShouldBe(ConnectorOutcome.Success);
        result.Value!.Id.ShouldBe(activityId);
        var update = harness.Fake.Requests[^1];
        update.Method.ShouldBe("PUT");
        update.ActivityId.ShouldBe(activityId);
        harness.Fake.ActivitiesIn(Conversation)[activityId].Text.ShouldBe("✓ done");
    }

    [Fact]
    public async Task Ids_with_colons_and_semicolons_are_escaped_on_the_wire()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        const string channelThread = "19:abc@thread.tacv2;messageid=1712";

        await harness.Client.UpdateActivityAsync(harness.ServiceUrl, channelThread, "1:17/x", Activity.CreateMessage("Hi"), Ct);

        var request = harness.Fake.Requests.ShouldHaveSingleItem();
        request.RawTarget.ShouldBe("/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1712/activities/1%3A17%2Fx");
        request.ConversationId.ShouldBe(channelThread);
        request.ActivityId.ShouldBe("1:17/x");
    }

    [Fact]
    public async Task Service_url_without_trailing_slash_reaches_the_same_route()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var result = await harness.Client.SendToConversationAsync(harness.ServiceUrl.TrimEnd('/'), Conversation, Activity.CreateMessage("Hi"), Ct);

        result.IsSuccess.ShouldBeTrue();
        harness.Fake.Requests.ShouldHaveSingleItem().RawTarget.ShouldStartWith("/teams/v3/conversations/");
    }

    [Fact]
    public async Task Create_one_on_one_conversation_sends_the_member_and_the_tenant_and_gets_a_stable_id()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var parameters = ConversationParameters.OneOnOne("29:1member", "tenant-1", botId: "28:bot");

        var first = await harness.Client.CreateConversationAsync(harness.ServiceUrl, parameters, Ct);
        var second = await harness.Client.CreateConversationAsync(harness.ServiceUrl, parameters, Ct);

        first.Outcome.ShouldBe(ConnectorOutcome.Success);
        first.Value!.Id.ShouldBe("a:1on1-29:1member");
        second.Value!.Id.ShouldBe(first.Value.Id);
        var body = harness.Fake.Requests[0].Body!.Value;
        body.GetProperty("isGroup").GetBoolean().ShouldBeFalse();
        body.GetProperty("members")[0].GetProperty("id").GetString().ShouldBe("29:1member");
        body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString().ShouldBe("tenant-1");
        body.GetProperty("bot").GetProperty("id").GetString().ShouldBe("28:bot");
    }

    [Fact]
    public async Task Paged_members_returns_one_page_and_a_continuation_token()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.SetRoster("19:team@thread.tacv2", Roster(5));

        var page = await harness.Client.GetPagedMembersAsync(harness.ServiceUrl, "19:team@thread.tacv2", 2, null, Ct);

        page.Value!.Members.Select(m => m.Id).ShouldBe(["29:m0", "29:m1"]);
        page.Value.ContinuationToken.ShouldNotBeNullOrEmpty();
        harness.Fake.Requests[0].Query.ShouldBe("pageSize=2");
    }

    [Fact]
    public async Task All_members_follows_continuation_tokens_to_the_end_of_the_roster()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.SetRoster("19:team@thread.tacv2", Roster(5));

        var all = await harness.Client.GetAllMembersAsync(harness.ServiceUrl, "19:team@thread.tacv2", 2, Ct);

        all.Outcome.ShouldBe(ConnectorOutcome.Success);
        all.Value!.Select(m => m.Id).ShouldBe(["29:m0", "29:m1", "29:m2", "29:m3", "29:m4"]);
        harness.Fake.Requests.Count.ShouldBe(3);
        harness.Fake.Requests[1].Query.ShouldBe("pageSize=2&continuationToken=fake-page-2");
    }

    [Fact]
    public async Task All_members_stops_at_the_first_failing_page_and_returns_that_failure()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.SetRoster("19:team@thread.tacv2", Roster(5));
        // The first page is answered normally, the second is throttled.
        harness.Fake.RespondToNext(1, FakeConnectorDecision.Latency(TimeSpan.Zero));
        harness.Fake.ThrottleNext(1, TimeSpan.FromSeconds(3));

        var all = await harness.Client.GetAllMembersAsync(harness.ServiceUrl, "19:team@thread.tacv2", 2, Ct);

        all.Outcome.ShouldBe(ConnectorOutcome.Throttled);
        all.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        all.Value.ShouldBeNull();
        harness.Fake.Requests.Count.ShouldBe(2);
    }

    private static IEnumerable<ChannelAccount> Roster(int count) =>
        Enumerable.Range(0, count).Select(i => new ChannelAccount { Id = $"29:m{i}", AadObjectId = Guid.NewGuid().ToString() });
}
