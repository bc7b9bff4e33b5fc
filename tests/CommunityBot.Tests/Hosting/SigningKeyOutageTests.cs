using System.Diagnostics;
using System.Net;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>
/// The reproduction: with the OpenID metadata endpoint hanging, requests hung 100 s and then failed while
/// readiness said "healthy". Now a request is answered 503 with Retry-After in about a second, readiness is unhealthy
/// until keys are fetched, and keys once fetched keep working while a later refresh fails.
/// </summary>
public sealed class SigningKeyOutageTests(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>
{
    private const string AppId = "00000000-0000-0000-0000-00000000b075";

    private readonly TestAuthority botFramework = server.AddBotFrameworkAuthority();

    [Fact]
    public async Task A_hanging_metadata_endpoint_gets_503_with_Retry_After_at_once_and_readiness_is_unhealthy_until_the_keys_are_back()
    {
        botFramework.ResponseDelay = TimeSpan.FromMinutes(10);
        await using var app = await BotApplication.StartAsync(settings =>
        {
            settings["Bot:AppId"] = AppId;
            settings["Bot:AppPassword"] = "not-a-real-secret";
            settings["Bot:OpenIdMetadataUrl"] = botFramework.MetadataUrl;
            settings["Bot:SigningKeyFetchTimeout"] = "00:00:01";
        });
        using var client = app.CreateClient();
        // An unsigned token is refused without any key fetch: it warms the host up, so the time measured below is the fetch's.
        using var unsigned = await app.PostAsync(app.Teams.Message("help"), Token(app, signed: false));
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var watch = Stopwatch.StartNew();
        using var refused = await app.PostAsync(app.Teams.Message("help"), Token(app));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        TestContext.Current.TestOutputHelper?.WriteLine($"Metadata endpoint hanging: 503 after {watch.Elapsed.TotalMilliseconds:F0} ms");
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        (await ReadinessAsync(client)).ShouldBe(HttpStatusCode.ServiceUnavailable);

        botFramework.ResponseDelay = TimeSpan.Zero;
        await WaitUntilReadyAsync(app, client);
        using var answered = await app.PostAsync(app.Teams.Message("help"), Token(app));
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Half a day later the keys are due for a refresh, which fails: the last good keys go on working.
        botFramework.IsDown = true;
        app.Clock.Advance(TimeSpan.FromHours(13));
        using var stillAnswered = await app.PostAsync(app.Teams.Message("help"), Token(app));
        stillAnswered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadinessAsync(client)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient client) =>
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode;

    /// <summary>
    /// The hanging fetch ends at the fetch timeout (real time); the next is tried 30 s later on the fake clock, which
    /// is moved on until readiness sees the keys.
    /// </summary>
    private static async Task WaitUntilReadyAsync(BotApplication app, HttpClient client) =>
        (await Eventually.TrueAsync(async () =>
        {
            if (await ReadinessAsync(client) == HttpStatusCode.OK)
            {
                return true;
            }
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            return false;
        }, TimeSpan.FromSeconds(20))).ShouldBeTrue("readiness did not recover after the keys came back");

    private string Token(BotApplication app, bool signed = true)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = botFramework.Issuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = app.Connector.ServiceUrl },
            SigningCredentials = signed ? new SigningCredentials(botFramework.SigningKey, SecurityAlgorithms.RsaSha256) : null,
        });
        return $"Bearer {token}";
    }
}
