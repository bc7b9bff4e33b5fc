using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CommunityBot.Tests.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>What <c>POST /api/messages</c> refuses before doing any work: bodies over 1 MB, chunked or not, and bad tokens before the body.</summary>
public sealed class RequestLimitsTests
{
    private const string AppId = "00000000-0000-0000-0000-00000000b075";
    private const long TwoMegabytes = 2L * 1024 * 1024;
    private const long TwentyEightMegabytes = 28L * 1024 * 1024;

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

    [Fact]
    public async Task Four_parallel_28_MB_chunked_bodies_with_a_bad_token_are_refused_at_once_and_cost_the_server_no_memory()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("communitybot-limits-").FullName;
        using var cleanup = new TemporaryDirectory(workingDirectory);
        await using var bot = await BotHostProcess.StartAsync(workingDirectory, new Dictionary<string, string>
        {
            ["Bot__AppId"] = AppId,
            ["Demo__Enabled"] = "false",
        });
        var url = new Uri(bot.BaseUrl);
        var garbage = "Bearer garbage";
        var forged = $"Bearer {ForgedToken()}";
        (await ChunkedFlood.PostAsync(url, garbage, 1024, Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ChunkedFlood.PostAsync(url, forged, 1024, Ct)).ShouldBe(HttpStatusCode.Forbidden);
        ResetPeakWorkingSet(bot.ProcessId);
        var before = WorkingSet(bot.ProcessId, "VmRSS");
        var stopwatch = Stopwatch.StartNew();

        var answers = await Task.WhenAll(
            ChunkedFlood.PostAsync(url, garbage, TwentyEightMegabytes, Ct),
            ChunkedFlood.PostAsync(url, garbage, TwentyEightMegabytes, Ct),
            ChunkedFlood.PostAsync(url, forged, TwentyEightMegabytes, Ct),
            ChunkedFlood.PostAsync(url, forged, TwentyEightMegabytes, Ct));

        var growth = WorkingSet(bot.ProcessId, "VmHWM") - before;
        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden]);
        TestContext.Current.TestOutputHelper?.WriteLine($"4 × 28 MB with bad tokens: answered in {stopwatch.ElapsedMilliseconds} ms, peak working set +{growth / 1024} KB");
        // 112 MB were offered; at most 1 MB of each is even received (the endpoint's limit), and none of it kept.
        growth.ShouldBeLessThan(16L * 1024 * 1024, $"the server's peak working set grew by {growth / 1024} KB");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
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
    [InlineData("attacker.example", "text/plain", HttpStatusCode.Unauthorized)]
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

    /// <summary>Well formed, for this bot, signed, but by an issuer nobody trusts.</summary>
    private static string ForgedToken()
    {
        using var rsa = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://evil.example",
            Audience = AppId,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Writing 5 to clear_refs resets the peak (VmHWM) to the current working set (proc(5)).</summary>
    private static void ResetPeakWorkingSet(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long WorkingSet(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
