using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>Runs alone: it counts every byte the test process allocates, which other tests running beside it would add to.</summary>
[CollectionDefinition(nameof(BadTokenFloodTests), DisableParallelization = true)]
public sealed class BadTokenFloodCollection;

/// <summary>The reproduction: a bad token costs no body, however large the body offered.</summary>
[Collection(nameof(BadTokenFloodTests))]
public sealed class BadTokenFloodTests
{
    private const string AppId = "00000000-0000-0000-0000-00000000b075";
    private const long TwentyEightMegabytes = 28L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Four_parallel_28_MB_chunked_bodies_with_a_bad_token_are_refused_at_once_and_allocate_next_to_nothing()
    {
        await using var app = await BotApplication.StartAsync(settings => settings["Bot:AppId"] = AppId, kestrel: true);
        using var client = app.CreateClient();
        var url = client.BaseAddress!;
        var garbage = "Bearer garbage";
        var forged = $"Bearer {ForgedToken()}";
        (await ChunkedFlood.PostAsync(url, garbage, 1024, Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ChunkedFlood.PostAsync(url, forged, 1024, Ct)).ShouldBe(HttpStatusCode.Forbidden);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();

        var answers = await Task.WhenAll(
            ChunkedFlood.PostAsync(url, garbage, TwentyEightMegabytes, Ct),
            ChunkedFlood.PostAsync(url, garbage, TwentyEightMegabytes, Ct),
            ChunkedFlood.PostAsync(url, forged, TwentyEightMegabytes, Ct),
            ChunkedFlood.PostAsync(url, forged, TwentyEightMegabytes, Ct));

        var elapsed = stopwatch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"4 × 28 MB with bad tokens: answered in {elapsed.TotalMilliseconds:F0} ms, {allocated / 1024} KB allocated (server and client)");
        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden]);
        // 112 MB were offered; the server reads at most 1 MB of each (the endpoint's limit) and keeps none of it.
        allocated.ShouldBeLessThan(16L * 1024 * 1024, $"{allocated / 1024} KB allocated");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    /// <summary>Well formed, for this bot, signed, but by an issuer nobody trusts.</summary>
    private static string ForgedToken()
    {
        using var rsa = RSA.Create(2048);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://evil.example",
            Audience = AppId,
            Expires = BotApplication.Start.UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
