using System.Diagnostics;
using System.Net;
using CommunityBot.Teams;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary><c>POST /api/messages</c> with real tokens, signed by a local OpenID metadata server, through the whole host.</summary>
public sealed class BotAuthenticationEndpointTests(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>
{
    private const string AppId = "00000000-0000-0000-0000-00000000b075";
    private const string BotTenant = "8d2f6c1a-0b4e-4f3a-9d7c-5e6f7a8b9c0d";

    private readonly TestAuthority botFramework = server.AddBotFrameworkAuthority();

    private Task<BotApplication> StartAsync(Action<IDictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null) =>
        BotApplication.StartAsync(
            settings =>
            {
                settings["Bot:AppId"] = AppId;
                settings["Bot:AppPassword"] = "not-a-real-secret";
                settings["Bot:OpenIdMetadataUrl"] = botFramework.MetadataUrl;
                // A busy machine must not turn a slow local key fetch into 503; an unreachable endpoint still fails at once.
                settings["Bot:SigningKeyWait"] = "00:00:20";
                configure?.Invoke(settings);
            },
            services);

    [Fact]
    public async Task The_features_see_the_tokens_claims_as_the_requests_user()
    {
        var recorder = new UserRecorder();
        await using var app = await StartAsync(services: services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<IActivityHandler>(sp => recorder.With(sp.GetRequiredService<IHttpContextAccessor>()));
        });

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(app.Connector.ServiceUrl)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        recorder.AuthenticationType.ShouldBe("BotFramework");
        recorder.ServiceUrlClaim.ShouldBe(app.Connector.ServiceUrl);
        recorder.Audience.ShouldBe(AppId);
    }

    [Fact]
    public async Task In_Production_with_keys_out_of_reach_an_unsigned_token_gets_403_and_a_well_formed_one_503()
    {
        // Production refuses plain http metadata, so the local metadata server counts as unreachable.
        await using var app = await StartAsync(settings => settings["environment"] = "Production");

        var unsigned = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(app.Connector.ServiceUrl, d => d.SigningCredentials = null)));
        var wellFormed = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(app.Connector.ServiceUrl)));

        unsigned.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        wellFormed.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        wellFormed.Headers.RetryAfter.ShouldNotBeNull();
        botFramework.MetadataFetches.ShouldBe(0);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_valid_channel_token_gets_the_activity_answered_with_the_bots_own_token()
    {
        await using var app = await StartAsync();

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(app.Connector.ServiceUrl)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem();
        reply.Authorization.ShouldBe($"Bearer {app.Connector.IssuedTokens.ShouldHaveSingleItem()}");
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_unsigned_token_gets_403_at_once_without_any_key_fetch()
    {
        await using var app = await StartAsync();
        botFramework.IsDown = true;

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(app.Connector.ServiceUrl, d => d.SigningCredentials = null)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        botFramework.MetadataFetches.ShouldBe(0);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("exp", 99999999999999L)]
    [InlineData("nbf", 99999999999999L)]
    public async Task A_token_with_an_expiry_or_start_beyond_any_date_gets_403_without_any_key_fetch(string claim, long value)
    {
        await using var app = await StartAsync();

        var response = await app.PostAsync(
            app.Teams.Message("help"),
            Bearer(ChannelToken(app.Connector.ServiceUrl, d => (d.Expires, d.NotBefore, d.Claims[claim]) = (claim == "exp" ? null : d.Expires, claim == "nbf" ? null : d.NotBefore, value))));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        botFramework.MetadataFetches.ShouldBe(0);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_well_formed_token_gets_503_with_Retry_After_without_waiting_for_the_keys_when_they_cannot_be_fetched()
    {
        await using var app = await StartAsync();
        botFramework.IsDown = true;
        var stopwatch = Stopwatch.StartNew();

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(app.Connector.ServiceUrl)));

        // The refused fetch ends the wait: the request is not held for the configured 20 s.
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_channel_token_without_a_serviceurl_claim_gets_403()
    {
        await using var app = await StartAsync();

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken(null)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_channel_token_for_another_service_url_gets_403()
    {
        await using var app = await StartAsync();

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(ChannelToken("https://smba.trafficmanager.net/amer/")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_with_a_body_that_is_not_an_activity_gets_400()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{\"type\": 7", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", Bearer(ChannelToken(app.Connector.ServiceUrl)));

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_Entra_token_of_the_bots_tenant_from_another_app_gets_403_and_nothing_is_sent()
    {
        var (tenant, authorityHost) = server.AddEntraTenant(BotTenant);
        await using var app = await StartAsync(SingleTenant(authorityHost));
        var forged = app.Teams.Message("help");
        forged.ChannelData!.Tenant!.Id = "another-tenant";
        forged.Conversation!.TenantId = "another-tenant";

        var response = await app.PostAsync(forged, Bearer(EntraToken(tenant, callerAppId: "0c0ffee0-0000-4000-8000-000000000001")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_Entra_token_of_the_Bot_Service_for_an_activity_of_another_tenant_gets_403()
    {
        var (tenant, authorityHost) = server.AddEntraTenant(BotTenant);
        await using var app = await StartAsync(SingleTenant(authorityHost));

        var response = await app.PostAsync(app.Teams.Message("help"), Bearer(EntraToken(tenant, BotOptions.BotServiceAppId)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_Entra_token_of_the_Bot_Service_naming_a_service_url_outside_the_allow_list_gets_400()
    {
        var (tenant, authorityHost) = server.AddEntraTenant(BotTenant);
        await using var app = await StartAsync(SingleTenant(authorityHost));
        var activity = new TeamsActivities("https://connector.evil.example/").Message("help");
        activity.ChannelData!.Tenant!.Id = BotTenant;

        var response = await app.PostAsync(activity, Bearer(EntraToken(tenant, BotOptions.BotServiceAppId)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_Entra_token_of_the_Bot_Service_for_the_bots_tenant_gets_the_activity_answered()
    {
        var (tenant, authorityHost) = server.AddEntraTenant(BotTenant);
        await using var app = await StartAsync(SingleTenant(authorityHost));
        app.Connector.TenantId = BotTenant;
        var activity = app.Teams.Message("help");
        activity.ChannelData!.Tenant!.Id = BotTenant;
        activity.Conversation!.TenantId = BotTenant;

        var response = await app.PostAsync(activity, Bearer(EntraToken(tenant, BotOptions.BotServiceAppId)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).ShouldHaveSingleItem();
    }

    /// <summary>
    /// The local Entra authority is plain http, which MSAL refuses for outbound tokens: these bots have no outbound
    /// credentials, so they answer without a token (inbound checks are the same).
    /// </summary>
    private static Action<IDictionary<string, string?>> SingleTenant(string authorityHost) => settings =>
    {
        settings.Remove("Bot:AppPassword");
        settings["Bot:AppType"] = "SingleTenant";
        settings["Bot:TenantId"] = BotTenant;
        settings["Bot:AuthorityHost"] = authorityHost;
    };

    private static string Bearer(string token) => $"Bearer {token}";

    private string ChannelToken(string? serviceUrl, Action<SecurityTokenDescriptor>? change = null)
    {
        var descriptor = Descriptor(botFramework.Issuer, botFramework.SigningKey);
        if (serviceUrl is not null)
        {
            descriptor.Claims["serviceurl"] = serviceUrl;
        }
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string EntraToken(TestAuthority tenant, string callerAppId)
    {
        var descriptor = Descriptor(tenant.Issuer, tenant.SigningKey);
        descriptor.Claims["ver"] = "2.0";
        descriptor.Claims["azp"] = callerAppId;
        descriptor.Claims["tid"] = BotTenant;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static SecurityTokenDescriptor Descriptor(string issuer, RsaSecurityKey key) => new()
    {
        Issuer = issuer,
        Audience = AppId,
        IssuedAt = BotApplication.Start.AddMinutes(-1).UtcDateTime,
        NotBefore = BotApplication.Start.AddMinutes(-1).UtcDateTime,
        Expires = BotApplication.Start.AddHours(1).UtcDateTime,
        Claims = new Dictionary<string, object>(),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
    };

    private sealed class UserRecorder : IActivityHandler
    {
        private IHttpContextAccessor? accessor;

        public string? AuthenticationType { get; private set; }

        public string? ServiceUrlClaim { get; private set; }

        public string? Audience { get; private set; }

        public UserRecorder With(IHttpContextAccessor accessor)
        {
            this.accessor = accessor;
            return this;
        }

        public Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var user = this.accessor?.HttpContext?.User;
            AuthenticationType = user?.Identity?.AuthenticationType;
            ServiceUrlClaim = user?.FindFirst("serviceurl")?.Value;
            Audience = user?.FindFirst("aud")?.Value;
            return Task.FromResult<InvokeResponse?>(null);
        }
    }
}
