using CommunityBot.Teams.Auth;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Auth;

public sealed class BotAuthenticatorTests(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>
{
    private const string AppId = "3f1c2a9e-5b7d-4e08-9c61-bot-app-id";
    private const string TenantId = "8d2f6c1a-0b4e-4f3a-9d7c-5e6f7a8b9c0d";
    private const string OtherTenantId = "11111111-2222-3333-4444-555555555555";
    private const string ActivityServiceUrl = "https://smba.trafficmanager.net/emea/";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly IHttpClientFactory HttpClients =
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    private readonly FakeTimeProvider time = new(Now);
    private readonly TestAuthority botFramework = server.AddBotFrameworkAuthority();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Valid_Bot_Framework_token_is_accepted()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Authenticated);
        result.Identity.ShouldNotBeNull().FindFirst("aud")?.Value.ShouldBe(AppId);
        result.Reason.ShouldBeNull();
    }

    [Fact]
    public async Task Token_that_is_not_yet_valid_is_invalid()
    {
        var token = Token(d => (d.NotBefore, d.Expires) = (Now.AddMinutes(10).UtcDateTime, Now.AddHours(1).UtcDateTime));

        await ShouldBeInvalid(Authenticator(), token);
    }

    [Fact]
    public async Task Token_expired_less_than_the_clock_skew_ago_is_accepted()
    {
        var authenticator = Authenticator();
        var token = Token();

        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));

        (await authenticator.AuthenticateAsync(Bearer(token), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Token_expired_more_than_the_clock_skew_ago_is_invalid()
    {
        var authenticator = Authenticator();
        var token = Token();

        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        await ShouldBeInvalid(authenticator, token);
    }

    [Fact]
    public async Task Token_from_an_untrusted_issuer_is_invalid_without_fetching_any_keys()
    {
        var token = Token(d => d.Issuer = "https://api.botframework.example");

        var result = await ShouldBeInvalid(Authenticator(), token);

        result.Reason.ShouldBe("Token issuer is not trusted");
        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Token_for_another_audience_is_invalid_without_fetching_any_keys()
    {
        var token = Token(d => d.Audience = "another-bot-app-id");

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token audience is not this bot");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_invalid_without_fetching_any_keys()
    {
        var token = Token(d => d.SigningCredentials = null);
        new JsonWebToken(token).Alg.ShouldBe("none");

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token algorithm is not RS256");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Token_without_an_expiry_is_invalid_without_fetching_any_keys()
    {
        var token = Token(d => d.Expires = null);

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token has no expiry");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Expired_token_is_invalid_without_fetching_any_keys()
    {
        var token = Token(d => (d.NotBefore, d.Expires) = (Now.AddHours(-2).UtcDateTime, Now.AddHours(-1).UtcDateTime));

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token has expired");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Theory]
    [InlineData(99999999999999L)]
    [InlineData(253402300799L)]
    [InlineData(-99999999999999L)]
    [InlineData(-1L)]
    public async Task Token_whose_expiry_is_beyond_any_date_is_invalid_without_fetching_any_keys(long expires)
    {
        var token = Token(d => (d.Expires, d.Claims["exp"]) = (null, expires));

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token expiry out of range");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Theory]
    [InlineData(99999999999999L)]
    [InlineData(253402300799L)]
    [InlineData(-99999999999999L)]
    public async Task Token_whose_start_is_beyond_any_date_is_invalid_without_fetching_any_keys(long notBefore)
    {
        var token = Token(d => (d.NotBefore, d.Claims["nbf"]) = (null, notBefore));

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token start out of range");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Token_for_several_audiences_is_invalid_without_fetching_any_keys()
    {
        var token = Token(d =>
        {
            d.Audience = null;
            d.Claims["aud"] = new[] { AppId, "another-bot-app-id" };
        });

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token audience is not this bot");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0")]
    public async Task Emulator_token_is_invalid_without_fetching_any_keys(string emulatorIssuer)
    {
        var token = Token(d => d.Issuer = emulatorIssuer);

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token issuer is not trusted");

        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_published_key_id_is_invalid()
    {
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        var forgedKey = new RsaSecurityKey(forger) { KeyId = botFramework.SigningKey.KeyId };

        await ShouldBeInvalid(Authenticator(), Token(signingKey: forgedKey));
    }

    [Fact]
    public async Task Token_whose_payload_was_changed_after_signing_is_invalid()
    {
        var parts = Token().Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(ActivityServiceUrl, "https://evil.example/", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var result = await Authenticator().AuthenticateAsync(Bearer(tampered), Activity("https://evil.example/"), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Invalid);
    }

    [Fact]
    public async Task Key_endorsed_for_other_channels_only_is_invalid_for_a_Teams_activity()
    {
        botFramework.Endorsements = ["skype", "webchat"];

        var result = await ShouldBeInvalid(Authenticator(), Token());

        result.Reason.ShouldBe("Signing key is not endorsed for the activity's channel");
    }

    [Fact]
    public async Task Key_endorsed_for_Teams_is_accepted()
    {
        botFramework.Endorsements = ["msteams", "webchat"];

        (await Authenticator().AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Unreachable_metadata_is_fetched_once_and_the_request_after_it_is_are_asked_to_retry_without_another_fetch()
    {
        botFramework.IsDown = true;
        var authenticator = Authenticator();

        var first = await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct);
        var triedOnFirst = botFramework.Refusals;
        var second = await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct);

        first.Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);
        second.Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);
        first.RetryAfter.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        triedOnFirst.ShouldBeGreaterThan(0);
        botFramework.Refusals.ShouldBe(triedOnFirst, "the second request started no fetch");
    }

    [Fact]
    public async Task A_hanging_metadata_endpoint_is_not_waited_for_the_request_is_asked_to_retry_while_the_fetch_still_hangs()
    {
        botFramework.ResponseDelay = TimeSpan.FromMinutes(10);
        var options = BotOptions();
        options.SigningKeyWait = TimeSpan.FromMilliseconds(50);

        var result = await Authenticator(options).AuthenticateAsync(Bearer(Token()), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);
        botFramework.MetadataFetches.ShouldBe(0, "the metadata endpoint has not answered yet");
    }

    [Fact]
    public void By_default_a_request_waits_less_than_a_second_for_signing_keys() =>
        new BotOptions().SigningKeyWait.ShouldBeLessThan(TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Unavailable_keys_are_logged_once_per_retry_interval_not_once_per_request()
    {
        botFramework.IsDown = true;
        var logger = new WarningCounter();
        var authenticator = new BotAuthenticator(Options.Create(BotOptions()), logger, time, HttpClients);

        for (var i = 0; i < 5; i++)
        {
            (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);
        }
        logger.Warnings.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(30));
        await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct);
        logger.Warnings.ShouldBe(2);
    }

    [Fact]
    public async Task Keys_are_fetched_again_once_the_retry_interval_after_a_failure_has_passed()
    {
        botFramework.IsDown = true;
        var authenticator = Authenticator();
        (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);

        botFramework.IsDown = false;
        (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);
        time.Advance(TimeSpan.FromSeconds(30));

        (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.Authenticated);
        botFramework.KeySetFetches.ShouldBe(1);
    }

    [Theory]
    [InlineData("SubjectPublicKeyInfo")]
    [InlineData("RSAPublicKey")]
    public async Task HS256_token_signed_with_the_RSA_public_key_as_HMAC_secret_is_invalid(string publicKeyFormat)
    {
        var rsa = botFramework.SigningKey.Rsa;
        var publicKey = publicKeyFormat == "RSAPublicKey" ? rsa.ExportRSAPublicKey() : rsa.ExportSubjectPublicKeyInfo();
        var hmacKey = new SymmetricSecurityKey(publicKey) { KeyId = botFramework.SigningKey.KeyId };
        var token = Token(d => d.SigningCredentials = new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256));
        new JsonWebToken(token).Alg.ShouldBe("HS256");

        await ShouldBeInvalid(Authenticator(), token);
    }

    [Fact]
    public async Task Unknown_key_id_fetches_the_metadata_again_then_is_invalid()
    {
        var token = Token(signingKey: TestAuthority.NewKey());

        await ShouldBeInvalid(Authenticator(), token);

        botFramework.KeySetFetches.ShouldBe(2);
    }

    [Fact]
    public async Task Key_rotated_in_after_the_first_fetch_is_accepted_after_a_refresh()
    {
        var authenticator = Authenticator();
        (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.Authenticated);
        botFramework.KeySetFetches.ShouldBe(1);

        var rotatedKey = botFramework.PublishNewKey();
        var result = await authenticator.AuthenticateAsync(Bearer(Token(signingKey: rotatedKey)), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Authenticated);
        botFramework.KeySetFetches.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_requests_signed_with_a_rotated_key_share_one_refresh()
    {
        var authenticator = Authenticator();
        (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.Authenticated);
        var token = Token(signingKey: botFramework.PublishNewKey());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => authenticator.AuthenticateAsync(Bearer(token), Activity(), Ct)));

        results.ShouldAllBe(result => result.Status == BotAuthenticationStatus.Authenticated);
        botFramework.KeySetFetches.ShouldBe(2);
    }

    [Fact]
    public async Task Failed_refresh_keeps_the_signing_keys_already_fetched()
    {
        var authenticator = Authenticator();
        (await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct)).Status.ShouldBe(BotAuthenticationStatus.Authenticated);

        botFramework.IsDown = true;
        await ShouldBeInvalid(authenticator, Token(signingKey: TestAuthority.NewKey()));
        var result = await authenticator.AuthenticateAsync(Bearer(Token()), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Unknown_key_ids_fetch_the_metadata_again_at_most_once_per_five_minutes()
    {
        var authenticator = Authenticator();

        await ShouldBeInvalid(authenticator, Token(signingKey: TestAuthority.NewKey()));
        await ShouldBeInvalid(authenticator, Token(signingKey: TestAuthority.NewKey()));
        botFramework.KeySetFetches.ShouldBe(2);

        time.Advance(TimeSpan.FromMinutes(5));
        await ShouldBeInvalid(authenticator, Token(signingKey: TestAuthority.NewKey()));
        botFramework.KeySetFetches.ShouldBe(3);
    }

    [Theory]
    [InlineData("https://evil.example/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData(null)]
    public async Task Token_whose_serviceUrl_differs_from_the_activity_is_invalid(string? activityServiceUrl)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), Activity(activityServiceUrl), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Invalid);
        result.Reason.ShouldBe("Token serviceUrl does not match the activity's");
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea")]
    [InlineData("HTTPS://SMBA.TrafficManager.net/emea/")]
    public async Task ServiceUrl_differing_only_in_trailing_slash_or_host_case_is_accepted(string activityServiceUrl)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), Activity(activityServiceUrl), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Bot_Framework_token_without_a_serviceUrl_claim_is_invalid()
    {
        var token = Token(d => d.Claims.Remove("serviceurl"));

        (await ShouldBeInvalid(Authenticator(), token)).Reason.ShouldBe("Token has no serviceurl claim");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_Authorization_header_is_missing_or_malformed(string? header)
    {
        var result = await Authenticator().AuthenticateAsync(header, Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.MissingOrMalformed);
        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic abc")]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b.c")]
    public async Task Garbage_Authorization_header_is_missing_or_malformed(string header)
    {
        var result = await Authenticator().AuthenticateAsync(header, Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.MissingOrMalformed);
        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Token_is_invalid_when_the_bot_has_no_app_id()
    {
        var options = BotOptions();
        options.AppId = null;

        var result = await Authenticator(options).AuthenticateAsync(Bearer(Token()), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Invalid);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Single_tenant_bot_accepts_Entra_tokens_of_its_tenant_checked_with_the_tenant_metadata(string issuerVersion)
    {
        var (tenant, authorityHost) = server.AddEntraTenant(TenantId);
        var issuer = issuerVersion == "v1" ? $"https://sts.windows.net/{TenantId}/" : tenant.Issuer;
        var token = EntraToken(tenant, issuer, issuerVersion);

        var result = await Authenticator(SingleTenantOptions(authorityHost)).AuthenticateAsync(Bearer(token), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Authenticated);
        tenant.KeySetFetches.ShouldBe(1);
        botFramework.MetadataFetches.ShouldBe(0);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Single_tenant_bot_rejects_an_Entra_token_of_its_tenant_issued_to_another_app(string issuerVersion)
    {
        var (tenant, authorityHost) = server.AddEntraTenant(TenantId);
        var issuer = issuerVersion == "v1" ? $"https://sts.windows.net/{TenantId}/" : tenant.Issuer;
        var token = EntraToken(tenant, issuer, issuerVersion, callerAppId: "0c0ffee0-0000-4000-8000-000000000001");

        var result = await ShouldBeInvalid(Authenticator(SingleTenantOptions(authorityHost)), token);

        result.Reason.ShouldBe("Token was not issued to the Bot Service");
    }

    [Fact]
    public async Task Single_tenant_bot_accepts_an_app_named_in_AllowedCallers()
    {
        const string caller = "0c0ffee0-0000-4000-8000-000000000001";
        var (tenant, authorityHost) = server.AddEntraTenant(TenantId);
        var options = SingleTenantOptions(authorityHost);
        options.AllowedCallers.Add(caller);

        var result = await Authenticator(options).AuthenticateAsync(Bearer(EntraToken(tenant, tenant.Issuer, "v2", callerAppId: caller)), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Authenticated);
    }

    [Fact]
    public async Task Single_tenant_bot_rejects_an_Entra_token_for_an_activity_of_another_tenant()
    {
        var (tenant, authorityHost) = server.AddEntraTenant(TenantId);

        var result = await Authenticator(SingleTenantOptions(authorityHost))
            .AuthenticateAsync(Bearer(EntraToken(tenant, tenant.Issuer, "v2")), Activity(tenant: OtherTenantId), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Invalid);
        result.Reason.ShouldBe("Token tenant does not match the activity's");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task Single_tenant_bot_rejects_Entra_tokens_of_another_tenant(string issuerVersion)
    {
        var (tenant, authorityHost) = server.AddEntraTenant(TenantId);
        var issuer = issuerVersion == "v1" ? $"https://sts.windows.net/{OtherTenantId}/" : $"{authorityHost}/{OtherTenantId}/v2.0";
        // Entra signs every tenant's tokens with the same keys, so only the issuer tells them apart.
        var token = EntraToken(tenant, issuer, issuerVersion);

        var result = await ShouldBeInvalid(Authenticator(SingleTenantOptions(authorityHost)), token);

        result.Reason.ShouldBe("Token issuer is not trusted");
    }

    [Fact]
    public async Task Multi_tenant_bot_rejects_Entra_tokens()
    {
        var (tenant, authorityHost) = server.AddEntraTenant(TenantId);
        var options = SingleTenantOptions(authorityHost);
        options.AppType = BotAppType.MultiTenant;
        var token = EntraToken(tenant, tenant.Issuer, "v2");

        await ShouldBeInvalid(Authenticator(options), token);

        tenant.MetadataFetches.ShouldBe(0);
    }

    [Fact]
    public async Task Outside_Development_plain_http_metadata_is_never_fetched_and_the_keys_count_as_unavailable()
    {
        var options = BotOptions();
        options.AllowLoopbackServiceUrls = false;

        var result = await Authenticator(options).AuthenticateAsync(Bearer(Token()), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.KeysUnavailable);
        botFramework.MetadataFetches.ShouldBe(0);
    }

    private async Task<BotAuthenticationResult> ShouldBeInvalid(BotAuthenticator authenticator, string token)
    {
        var result = await authenticator.AuthenticateAsync(Bearer(token), Activity(), Ct);

        result.Status.ShouldBe(BotAuthenticationStatus.Invalid);
        result.Identity.ShouldBeNull();
        result.Reason.ShouldNotBeNullOrWhiteSpace();
        result.Reason.ShouldNotContain(token);
        return result;
    }

    /// <summary>A generous wait for keys, so a busy machine never turns a slow local fetch into 503; the hang test sets the default.</summary>
    private BotOptions BotOptions() => new()
    {
        AppId = AppId, OpenIdMetadataUrl = botFramework.MetadataUrl, AllowLoopbackServiceUrls = true, SigningKeyWait = TimeSpan.FromSeconds(20),
    };

    private static Activity Activity(string? serviceUrl = ActivityServiceUrl, string tenant = TenantId) => new()
    {
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenant } },
    };

    private BotOptions SingleTenantOptions(string authorityHost)
    {
        var options = BotOptions();
        options.AppType = BotAppType.SingleTenant;
        options.TenantId = TenantId;
        options.AuthorityHost = authorityHost;
        return options;
    }

    private BotAuthenticator Authenticator(BotOptions? options = null) =>
        new(Options.Create(options ?? BotOptions()), NullLogger<BotAuthenticator>.Instance, time, HttpClients);

    private static string Bearer(string token) => $"Bearer {token}";

    /// <summary>A Bot Framework channel token for this bot, valid for an hour from <see cref="Now"/>, unless changed.</summary>
    private string Token(Action<SecurityTokenDescriptor>? change = null, RsaSecurityKey? signingKey = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = botFramework.Issuer,
            Audience = AppId,
            IssuedAt = Now.AddMinutes(-1).UtcDateTime,
            NotBefore = Now.AddMinutes(-1).UtcDateTime,
            Expires = Now.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ActivityServiceUrl },
            SigningCredentials = new SigningCredentials(signingKey ?? botFramework.SigningKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An Entra ID token the Bot Service got for this bot: no serviceurl claim; the caller app in appid (v1) or azp (v2).</summary>
    private string EntraToken(TestAuthority tenant, string issuer, string version, string callerAppId = CommunityBot.Teams.BotOptions.BotServiceAppId) => Token(
        d =>
        {
            d.Issuer = issuer;
            d.Claims.Remove("serviceurl");
            d.Claims["ver"] = version == "v1" ? "1.0" : "2.0";
            d.Claims[version == "v1" ? "appid" : "azp"] = callerAppId;
            d.Claims["tid"] = TenantId;
        },
        tenant.SigningKey);

    private sealed class WarningCounter : Microsoft.Extensions.Logging.ILogger<BotAuthenticator>
    {
        private int warnings;

        public int Warnings => Volatile.Read(ref warnings);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(
            Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Interlocked.Increment(ref warnings);
            }
        }
    }
}
