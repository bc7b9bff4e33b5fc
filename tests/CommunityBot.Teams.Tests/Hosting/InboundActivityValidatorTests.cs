using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Hosting;

public sealed class InboundActivityValidatorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:56150/")]
    [InlineData("http://localhost:3978/")]
    public void A_plain_http_loopback_service_url_is_refused_outside_Development(string serviceUrl)
    {
        var activity = Activity(serviceUrl);

        InboundActivityValidator.Problem(activity, new BotOptions { AllowLoopbackServiceUrls = false }).ShouldNotBeNull();
        InboundActivityValidator.Problem(activity, new BotOptions { AllowLoopbackServiceUrls = true }).ShouldBeNull();
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/")]
    public void A_Teams_activity_with_an_https_connector_is_accepted(string serviceUrl) =>
        InboundActivityValidator.Problem(Activity(serviceUrl), new BotOptions()).ShouldBeNull();

    [Fact]
    public void A_host_added_in_configuration_counts_as_a_connector()
    {
        var options = new BotOptions { ConnectorHosts = ["*.connector.example"] };

        InboundActivityValidator.Problem(Activity("https://eu.connector.example/"), options).ShouldBeNull();
        InboundActivityValidator.Problem(Activity("https://connector.example.evil/"), options).ShouldNotBeNull();
    }

    private static Activity Activity(string serviceUrl) => new()
    {
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user" },
        Conversation = new ConversationAccount { Id = "a:chat" },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant" } },
    };
}
