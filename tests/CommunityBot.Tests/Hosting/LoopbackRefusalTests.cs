using System.Net;
using System.Text;
using CommunityBot.Communities.Import;
using CommunityBot.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>What only a caller on this machine may use in Development, refused to any other address and to none at all.</summary>
public sealed class LoopbackRefusalTests
{
    public static TheoryData<string?> NotLoopback => new((string?)"192.0.2.10", "::ffff:192.0.2.10", null);

    /// <summary>A loopback connection that is not a request made on this machine: tunnelled, proxied or DNS-rebound.</summary>
    public static TheoryData<string, string> NotLocal => new()
    {
        { "Host", "attacker.example" },
        { "Host", "bot.ngrok.app:443" },
        { "Host", "127.0.0.1.nip.io:3978" },
        { "X-Forwarded-For", "203.0.113.7" },
        { "X-Forwarded-Host", "bot.ngrok.app" },
        { "Forwarded", "for=203.0.113.7;host=bot.ngrok.app" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(NotLoopback))]
    public async Task The_anonymous_development_bot_refuses_a_caller_that_is_not_loopback(string? address)
    {
        await using var app = await BotApplication.StartAsync();
        app.RemoteAddress = address is null ? null : IPAddress.Parse(address);

        var response = await app.PostAsync(app.Teams.Message("help"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(NotLoopback))]
    public async Task The_job_dashboard_refuses_a_caller_that_is_not_loopback(string? address)
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();
        (await client.GetAsync("/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.RemoteAddress = address is null ? null : IPAddress.Parse(address);

        (await client.GetAsync("/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(NotLoopback))]
    public async Task The_delivery_admin_view_refuses_a_caller_that_is_not_loopback(string? address)
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();
        (await client.GetAsync("/admin/delivery/failed", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.RemoteAddress = address is null ? null : IPAddress.Parse(address);

        (await client.GetAsync("/admin/delivery/failed", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(NotLoopback))]
    public async Task The_import_refuses_a_caller_that_is_not_loopback_and_has_no_key(string? address)
    {
        await using var app = await BotApplication.StartAsync();
        app.RemoteAddress = address is null ? null : IPAddress.Parse(address);

        var response = await ImportAsync(app, key: null);

        response.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_import_accepts_a_remote_caller_with_the_tenants_key()
    {
        await using var app = await BotApplication.StartAsync();
        var key = await app.AddAutomationKeyAsync(TeamsActivities.TenantId);
        app.RemoteAddress = IPAddress.Parse("192.0.2.10");

        (await ImportAsync(app, "wrong")).ShouldBe(HttpStatusCode.Unauthorized);
        (await ImportAsync(app, key)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_even_on_loopback()
    {
        await using var app = await BotApplication.StartAsync();
        await app.AddAutomationKeyAsync(TeamsActivities.TenantId);

        (await ImportAsync(app, "wrong")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task The_anonymous_development_bot_refuses_a_loopback_caller_that_was_forwarded_or_named_another_host(string header, string value)
    {
        await using var app = await BotApplication.StartAsync();
        app.RequestHeaders[header] = value;

        var response = await app.PostAsync(app.Teams.Message("help"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        app.Connector.Requests.ShouldBeEmpty();
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:5000")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("[::1]:3978")]
    public async Task The_anonymous_development_bot_answers_a_loopback_host_with_any_port(string host)
    {
        await using var app = await BotApplication.StartAsync();
        app.RequestHeaders["Host"] = host;

        var response = await app.PostAsync(app.Teams.Message("help"));

        response.IsSuccessStatusCode.ShouldBeTrue();
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task The_job_dashboard_refuses_a_loopback_caller_that_was_forwarded_or_named_another_host(string header, string value)
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();
        (await client.GetAsync("/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.RequestHeaders[header] = value;

        (await client.GetAsync("/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task The_delivery_admin_view_refuses_a_loopback_caller_that_was_forwarded_or_named_another_host(string header, string value)
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();
        (await client.GetAsync("/admin/delivery/failed", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.RequestHeaders[header] = value;

        (await client.GetAsync("/admin/delivery/failed", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task The_import_refuses_a_loopback_caller_without_a_key_that_was_forwarded_or_named_another_host(string header, string value)
    {
        await using var app = await BotApplication.StartAsync();
        app.RequestHeaders[header] = value;

        var response = await ImportAsync(app, key: null);

        response.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_forwarded_import_with_the_tenants_key_is_accepted()
    {
        await using var app = await BotApplication.StartAsync();
        var key = await app.AddAutomationKeyAsync(TeamsActivities.TenantId);
        app.RequestHeaders["Host"] = "bot.ngrok.app";
        app.RequestHeaders["X-Forwarded-For"] = "203.0.113.7";

        (await ImportAsync(app, key)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> ImportAsync(BotApplication app, string? key)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/import?tenant={TeamsActivities.TenantId}")
        {
            Content = new StringContent("{\"schools\":[],\"communities\":[],\"people\":[],\"memberships\":[]}", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add(ImportEndpoint.KeyHeader, key);
        }
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
