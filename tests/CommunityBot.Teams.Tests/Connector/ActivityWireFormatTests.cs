using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Teams.Schema;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Connector;

public sealed class ActivityWireFormatTests
{
    private static readonly string Fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "channel-message-with-mention.json"));

    [Fact]
    public void Teams_channel_message_is_read_with_tenant_team_and_channel()
    {
        var activity = JsonSerializer.Deserialize<Activity>(Fixture, TeamsJson.Options)!;

        activity.Type.ShouldBe(ActivityTypes.Message);
        activity.TenantId.ShouldBe("72f988bf-86f1-41af-91ab-2d7cd011db47");
        activity.ChannelData!.Team!.Id.ShouldBe("19:9f8e7d6c5b4a39281706f5e4d3c2b1a0@thread.tacv2");
        activity.ChannelData.Channel!.Id.ShouldBe("19:c2b4a1e0d3f54b7e9a8c6d5e4f3a2b1c@thread.tacv2");
        activity.From!.AadObjectId.ShouldBe("6a2b4c1e-0d7f-4f3a-9b8e-2c5d1e7f9a10");
        activity.Timestamp.ShouldBe(new DateTimeOffset(2026, 3, 2, 9, 15, 27, TimeSpan.Zero).AddTicks(8241234));
        activity.Extra!.ShouldContainKey("futureTeamsField");
        activity.ChannelData.Extra!.ShouldContainKey("teamsTeamId");
    }

    [Fact]
    public void Teams_channel_message_round_trips_with_unknown_properties_preserved()
    {
        var activity = JsonSerializer.Deserialize<Activity>(Fixture, TeamsJson.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJson.Options))!.AsObject();
        var original = JsonNode.Parse(Fixture)!.AsObject();

        // System.Text.Json writes UTC as "+00:00" rather than "Z": the same instant, checked in the test above.
        DateTimeOffset.Parse(written["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(activity.Timestamp!.Value);
        written.Remove("timestamp");
        original.Remove("timestamp");
        JsonNode.DeepEquals(written, original).ShouldBeTrue(written.ToJsonString());
    }
}
