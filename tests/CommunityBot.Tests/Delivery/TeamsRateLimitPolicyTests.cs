using System.Net;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class TeamsRateLimitPolicyTests
{
    [Fact]
    public async Task By_default_the_fake_connector_answers_429_with_Retry_After_past_7_per_second_and_8_per_2_seconds()
    {
        var clock = new FakeTimeProvider(BotApplication.Start);
        await using var fake = await FakeTeamsConnector.StartAsync(clock);
        fake.AddConversation("19:busy");
        using var http = new HttpClient();
        var client = new ConnectorClient(http, clock, new CommunityBot.Teams.Diagnostics.TeamsTelemetry(), NullLogger<ConnectorClient>.Instance);

        var results = new List<ConnectorResult<ResourceResponse>>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await client.SendToConversationAsync(fake.ServiceUrl, "19:busy", Activity.CreateMessage($"{i}"), CancellationToken.None));
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await client.SendToConversationAsync(fake.ServiceUrl, "19:busy", Activity.CreateMessage("later"), CancellationToken.None);
        var ninthInTwoSeconds = await client.SendToConversationAsync(fake.ServiceUrl, "19:busy", Activity.CreateMessage("ninth"), CancellationToken.None);

        results.Take(7).ShouldAllBe(r => r.IsSuccess);
        results[7].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        results[7].RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        later.IsSuccess.ShouldBeTrue();
        ninthInTwoSeconds.Outcome.ShouldBe(ConnectorOutcome.Throttled, "8 per 2 s");
    }

    [Fact]
    public async Task The_tenant_limit_counts_every_conversation_of_the_tenant()
    {
        var clock = new FakeTimeProvider(BotApplication.Start);
        await using var fake = await FakeTeamsConnector.StartAsync(clock);
        fake.UseRateLimits(new TeamsRateLimitPolicy { TenantRequestsPerSecond = 5 });
        for (var i = 0; i < 6; i++)
        {
            fake.AddConversation($"19:c{i}");
        }
        using var http = new HttpClient();
        var client = new ConnectorClient(http, clock, new CommunityBot.Teams.Diagnostics.TeamsTelemetry(), NullLogger<ConnectorClient>.Instance);

        var outcomes = new List<ConnectorOutcome>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add((await client.SendToConversationAsync(fake.ServiceUrl, $"19:c{i}", Activity.CreateMessage("x"), CancellationToken.None)).Outcome);
        }

        outcomes.ShouldBe([.. Enumerable.Repeat(ConnectorOutcome.Success, 5), ConnectorOutcome.Throttled]);
    }
}
