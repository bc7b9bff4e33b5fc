using Microsoft.Extensions.Options;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Connector;

public sealed class ConnectorTokenTests
{
    private const string Conversation = "a:1on1-29:1abc";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connector_receives_the_bearer_token_issued_by_the_token_endpoint()
    {
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.WithSecret);
        harness.Fake.RequireIssuedToken = true;

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Success);
        var token = harness.Fake.IssuedTokens.ShouldHaveSingleItem();
        harness.Fake.SentActivities.ShouldHaveSingleItem().Authorization.ShouldBe($"Bearer {token}");
        var tokenRequest = harness.Fake.TokenRequests.ShouldHaveSingleItem();
        tokenRequest.Path.ShouldBe("/botframework.com/oauth2/v2.0/token");
        tokenRequest.Form!["client_id"].ShouldBe("00000000-0000-0000-0000-00000000b07");
        tokenRequest.Form["scope"].ShouldBe("https://api.botframework.com/.default");
        tokenRequest.Form["grant_type"].ShouldBe("client_credentials");
    }

    [Fact]
    public async Task Token_is_requested_once_for_many_sends()
    {
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.WithSecret);
        harness.Fake.RequireIssuedToken = true;

        for (var i = 0; i < 5; i++)
        {
            (await Send(harness)).IsSuccess.ShouldBeTrue();
        }

        harness.Fake.TokenRequests.Count.ShouldBe(1);
        harness.Fake.SentActivities.Select(a => a.Authorization).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Token_close_to_expiry_is_renewed_before_the_next_send()
    {
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.WithSecret);
        // MSAL treats a token that expires within five minutes as expired.
        harness.Fake.TokenLifetime = TimeSpan.FromMinutes(2);

        await Send(harness);
        await Send(harness);

        harness.Fake.TokenRequests.Count.ShouldBe(2);
        harness.Fake.SentActivities.Select(a => a.Authorization).ShouldBe(["Bearer fake-token-1", "Bearer fake-token-2"]);
    }

    [Fact]
    public async Task Single_tenant_bot_asks_its_own_tenant_for_tokens()
    {
        await using var harness = await ConnectorHarness.StartAsync(bot =>
        {
            ConnectorHarness.WithSecret(bot);
            bot.TenantId = "contoso-tenant";
        });

        await Send(harness);

        harness.Fake.TokenRequests.ShouldHaveSingleItem().Path.ShouldBe("/contoso-tenant/oauth2/v2.0/token");
    }

    [Fact]
    public async Task Wrong_credentials_are_rejected_without_calling_the_connector()
    {
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.WithSecret);
        harness.Fake.RespondToNext(1, Testing.FakeConnectorDecision.Fail(System.Net.HttpStatusCode.Unauthorized, "invalid_client"),
            operation: Testing.FakeConnectorOperation.Token);

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Rejected);
        result.Error.ShouldBe("token invalid_client");
        harness.Fake.SentActivities.ShouldBeEmpty();
    }

    [Fact]
    public async Task Connector_rejects_a_send_without_the_expected_token()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Fake.RequiredBearerToken = "expected";

        var result = await Send(harness);

        result.Outcome.ShouldBe(ConnectorOutcome.Rejected);
        result.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_credentials_no_token_is_requested_or_sent()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await Send(harness);

        harness.Fake.TokenRequests.ShouldBeEmpty();
        harness.Fake.SentActivities.ShouldHaveSingleItem().Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task Token_provider_follows_the_configured_credentials()
    {
        await using var anonymous = await ConnectorHarness.StartAsync();
        await using var credentialed = await ConnectorHarness.StartAsync(ConnectorHarness.WithSecret);

        Provider(anonymous).ShouldBeOfType<NoConnectorTokenProvider>();
        Provider(credentialed).ShouldBeOfType<MsalConnectorTokenProvider>();
    }

    [Theory]
    [InlineData("http://connector.invalid/v3/conversations", true)]
    [InlineData("https://evil.example/v3/conversations", true)]
    [InlineData("https://smba.trafficmanager.net.evil.example/emea/v3/conversations", true)]
    [InlineData("http://127.0.0.1:5000/v3/conversations", false)]
    public async Task Token_is_never_sent_to_a_host_outside_the_connector_allow_list(string url, bool allowLoopback)
    {
        var inner = new RecordingHandler();
        var options = Options.Create(new BotOptions { AllowLoopbackServiceUrls = allowLoopback });
        using var http = new HttpClient(new ConnectorAuthHandler(new FixedToken(), options) { InnerHandler = inner });

        var refused = await Should.ThrowAsync<ConnectorTokenException>(() => http.GetAsync(url, Ct));

        refused.ErrorCode.ShouldBe(ConnectorAuthHandler.HostNotAllowed);
        inner.Requests.ShouldBe(0);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/v3/conversations")]
    [InlineData("https://webchat.botframework.com/v3/conversations")]
    public async Task Token_is_sent_to_Teams_and_Bot_Framework_connectors(string url)
    {
        var inner = new RecordingHandler();
        using var http = new HttpClient(new ConnectorAuthHandler(new FixedToken(), Options.Create(new BotOptions())) { InnerHandler = inner });

        await http.GetAsync(url, Ct);

        inner.Authorization.ShouldBe("Bearer secret-token");
    }

    private static IConnectorTokenProvider Provider(ConnectorHarness harness) =>
        harness.Services.GetRequiredService<IConnectorTokenProvider>();

    private static Task<ConnectorResult<ResourceResponse>> Send(ConnectorHarness harness) =>
        harness.Client.SendToConversationAsync(harness.ServiceUrl, Conversation, Activity.CreateMessage("Reminder"), Ct);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }

    private sealed class FixedToken : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult<string?>("secret-token");
    }
}
