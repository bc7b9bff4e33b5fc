using System.Text.Json;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using CommunityBot.Teams.Tests.Connector;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Hosting;

/// <summary>What features learn about the team of a turn, and whom they ask for its people: always the turn's own service URL.</summary>
public sealed class TurnContextTests
{
    private const string TeamId = "19:9f8e7d6c5b4a39281706f5e4d3c2b1a0@thread.tacv2";
    private const string ChannelId = "19:c2b4a1e0d3f54b7e9a8c6d5e4f3a2b1c@thread.tacv2";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_channel_message_names_its_team_and_channel()
    {
        var activity = ChannelMessage("https://smba.trafficmanager.net/emea/");

        activity.TeamId.ShouldBe(TeamId);
        activity.ChannelIdInTeam.ShouldBe(ChannelId);
        activity.Team!.Name.ShouldNotBeNullOrEmpty();
        activity.GetConversationReference().ShouldSatisfyAllConditions(
            r => r.TeamId.ShouldBe(TeamId),
            r => r.ChannelIdInTeam.ShouldBe(ChannelId));
    }

    [Fact]
    public void A_personal_message_or_an_empty_team_names_no_team()
    {
        var personal = new Activity { ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "t" } } };
        var emptyTeam = new Activity { ChannelData = new TeamsChannelData { Team = new TeamInfo(), Channel = new ChannelInfo() } };

        personal.TeamId.ShouldBeNull();
        personal.ChannelIdInTeam.ShouldBeNull();
        emptyTeam.Team.ShouldBeNull();
        emptyTeam.ChannelIdInTeam.ShouldBeNull();
    }

    [Fact]
    public async Task The_team_roster_is_read_page_by_page_at_the_turns_own_service_url()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.SetRoster(TeamId, Enumerable.Range(0, 5).Select(i => new ChannelAccount { Id = $"29:m{i}" }));
        var turn = new TurnContext(ChannelMessage(harness.ServiceUrl), harness.Client);

        var roster = await turn.GetTeamMembersAsync(2, Ct);

        roster.Value!.Select(m => m.Id).ShouldBe(["29:m0", "29:m1", "29:m2", "29:m3", "29:m4"]);
        harness.Fake.Requests.ShouldAllBe(r => r.Operation == FakeConnectorOperation.GetPagedMembers && r.ConversationId == TeamId);
        harness.Fake.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Outside_a_team_the_roster_is_refused_without_a_call()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var personal = new Activity { ServiceUrl = harness.ServiceUrl, Conversation = new ConversationAccount { Id = "a:1on1-29:1" } };

        var roster = await new TurnContext(personal, harness.Client).GetTeamMembersAsync(2, Ct);

        roster.Outcome.ShouldBe(ConnectorOutcome.Rejected);
        harness.Fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_is_looked_up_in_the_turns_conversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.SetRoster("a:1on1-29:1", [new ChannelAccount { Id = "29:1", Email = "leen@school.be" }]);
        var personal = new Activity { ServiceUrl = harness.ServiceUrl, Conversation = new ConversationAccount { Id = "a:1on1-29:1" } };

        var member = await new TurnContext(personal, harness.Client).GetMemberAsync("29:1", Ct);

        member.Value!.Email.ShouldBe("leen@school.be");
        harness.Fake.Requests.ShouldHaveSingleItem().ConversationId.ShouldBe("a:1on1-29:1");
    }

    private static Activity ChannelMessage(string serviceUrl)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "channel-message-with-mention.json"));
        var activity = JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;
        activity.ServiceUrl = serviceUrl;
        return activity;
    }
}
