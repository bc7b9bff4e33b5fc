using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>What <c>POST /api/messages</c> refuses before doing any work: bodies over 1 MB, chunked or not, and bad tokens before the body.</summary>
public sealed class RequestLimitsTests
{
    private const long TwoMegabytes = 2L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task A_2_MB_message_gets_413_and_nothing_is_processed(bool kestrel, bool chunked)
    {
        await using var app = await BotApplication.StartAsync(kestrel: kestrel);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StreamedBody(TwoMegabytes, declareLength: !chunked), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
        app.Connector.Requests.ShouldBeEmpty();
    }

    /// <summary>
    /// Without tokens only a JSON body from a loopback Host is read: a page in the developer's browser can post text/plain or a
    /// form cross-site without a preflight, and a DNS-rebound one names its own host. The Agents Playground sends
    /// <c>application/json</c> to <c>127.0.0.1:3978</c>.
    /// </summary>
    [Theory]
    [InlineData("127.0.0.1:3978", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("localhost", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("localhost:3978", "", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("attacker.example", "text/plain", HttpStatusCode.Forbidden)]
    [InlineData("attacker.example", "application/json", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1:3978", "application/json", HttpStatusCode.OK)]
    [InlineData("[::1]:3978", "application/json; charset=utf-8", HttpStatusCode.OK)]
    public async Task Without_tokens_only_JSON_from_a_loopback_host_is_read(string host, string contentType, HttpStatusCode expected)
    {
        await using var app = await BotApplication.StartAsync();
        app.RequestHeaders["Host"] = host;
        using var client = app.CreateClient();
        var activity = app.Teams.Message("help");
        app.Connector.Learn(activity);
        using var content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(activity, CommunityBot.Teams.Schema.TeamsJson.Options));
        content.Headers.ContentType = contentType.Length > 0 ? MediaTypeHeaderValue.Parse(contentType) : null;

        using var response = await client.PostAsync("/api/messages", content, Ct);

        response.StatusCode.ShouldBe(expected);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(expected == HttpStatusCode.OK ? 1 : 0);
    }
}
