using System.Net;
using System.Security.Cryptography;
using CommunityBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

public sealed class EndpointSecurityTests
{
    private static Task<BotApplication> StartWithAppIdAsync() =>
        BotApplication.StartAsync(settings =>
        {
            settings["Bot:AppId"] = "00000000-0000-0000-0000-00000000b075";
            settings["Bot:AppPassword"] = "not-a-real-secret";
        });

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_request_without_a_usable_token_gets_401_and_nothing_is_processed(string? authorization)
    {
        await using var app = await StartWithAppIdAsync();

        var response = await app.PostAsync(app.Teams.Message("help"), authorization);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_well_formed_token_from_an_untrusted_issuer_gets_403_and_nothing_is_processed()
    {
        await using var app = await StartWithAppIdAsync();
        using var rsa = RSA.Create(2048);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://evil.example",
            Audience = "00000000-0000-0000-0000-00000000b075",
            Expires = BotApplication.Start.UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });

        var response = await app.PostAsync(app.Teams.Message("help"), $"Bearer {token}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_activity_from_a_tenant_outside_the_allow_list_gets_403()
    {
        await using var app = await BotApplication.StartAsync(settings => settings["Bot:AllowedTenants:0"] = "another-tenant");

        var response = await app.PostAsync(app.Teams.Message("help"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_gets_400()
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Readiness_is_unhealthy_when_the_bot_has_an_app_id_but_no_credentials()
    {
        await using var app = await BotApplication.StartAsync(settings => settings["Bot:AppId"] = "00000000-0000-0000-0000-00000000b075");
        using var client = app.CreateClient();

        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Readiness_is_healthy_on_the_embedded_default()
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();

        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:3978")]
    [InlineData("http://127.0.0.1:3978;http://192.0.2.10:3978")]
    public void The_unauthenticated_mode_refuses_to_listen_beyond_loopback(string urls)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Should.Throw<InvalidOperationException>(() => LoopbackGuard.EnsureOnlyLoopbackUrls(configuration))
            .Message.ShouldContain("loopback");
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://localhost:3978")]
    [InlineData("http://[::1]:3978")]
    public void The_unauthenticated_mode_accepts_loopback_addresses(string urls)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        Should.NotThrow(() => LoopbackGuard.EnsureOnlyLoopbackUrls(configuration));
    }

    [Fact]
    public void Outside_Development_the_host_refuses_to_start_without_an_app_id()
    {
        var production = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };

        Should.Throw<InvalidOperationException>(() => TeamsServiceCollectionExtensions.ChooseAuthMode(production, (string?)null))
            .Message.ShouldContain("Bot:AppId is required");
        TeamsServiceCollectionExtensions.ChooseAuthMode(production, "app-id").ShouldBe(InboundAuthMode.ValidateTokens);
    }
}
