using System.Net;
using System.Text;
using System.Text.Json;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>The fake Teams refuses what Teams refuses, so a test cannot pass on something Teams would reject.</summary>
public sealed class FakeTeamsConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conversation_Teams_never_created_or_was_told_about_answers_404()
    {
        await using var fake = await FakeTeamsConnector.StartAsync();
        using var http = new HttpClient();
        var client = new ConnectorClient(http, TimeProvider.System, new CommunityBot.Teams.Diagnostics.TeamsTelemetry(), NullLogger<ConnectorClient>.Instance);
        fake.AddConversation("19:known@thread.tacv2");

        var unknown = await client.SendToConversationAsync(fake.ServiceUrl, "19:made-up@thread.tacv2", Activity.CreateMessage("x"), Ct);
        var known = await client.SendToConversationAsync(fake.ServiceUrl, "19:known@thread.tacv2", Activity.CreateMessage("x"), Ct);
        var thread = await client.SendToConversationAsync(fake.ServiceUrl, "19:known@thread.tacv2;messageid=1", Activity.CreateMessage("x"), Ct);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        known.IsSuccess.ShouldBeTrue();
        thread.IsSuccess.ShouldBeTrue();
        fake.ActivitiesIn("19:made-up@thread.tacv2").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_card_the_official_renderer_rejects_gets_400_and_is_not_posted()
    {
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.AddConversation("19:c@thread.tacv2");
        using var http = new HttpClient();
        var client = new ConnectorClient(http, TimeProvider.System, new CommunityBot.Teams.Diagnostics.TeamsTelemetry(), NullLogger<ConnectorClient>.Instance);
        using var broken = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""");
        var card = Activity.CreateCard(new Attachment { ContentType = AdaptiveCard.ContentType, Content = broken.RootElement.Clone() }, "summary");

        var result = await client.SendToConversationAsync(fake.ServiceUrl, "19:c@thread.tacv2", card, Ct);

        result.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        fake.Requests.ShouldHaveSingleItem().CardErrors.ShouldNotBeEmpty();
        fake.ActivitiesIn("19:c@thread.tacv2").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_request_whose_caller_hangs_up_before_the_answer_is_still_recorded_and_posted()
    {
        await using var fake = await FakeTeamsConnector.StartAsync();
        fake.AddConversation("19:c@thread.tacv2");
        fake.Latency = TimeSpan.FromMinutes(1);
        using var http = new HttpClient();
        using var body = new StringContent("""{"type":"message","text":"sent anyway"}""", Encoding.UTF8, "application/json");
        var posting = http.PostAsync(new Uri(fake.BaseAddress, "/teams/v3/conversations/19:c@thread.tacv2/activities"), body, Ct);

        await fake.WaitUntilAsync(() => fake.Requests.Count == 1, TimeSpan.FromSeconds(10));
        http.CancelPendingRequests();
        await Should.ThrowAsync<TaskCanceledException>(posting);

        fake.SentActivities.ShouldHaveSingleItem().Activity!.Text.ShouldBe("sent anyway");
        fake.ActivitiesIn("19:c@thread.tacv2").Values.ShouldHaveSingleItem().Text.ShouldBe("sent anyway");
    }
}
