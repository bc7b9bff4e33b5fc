using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CommunityBot.Teams.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector from Entra ID. One instance per process: MSAL keeps the token in
/// this application's in-memory cache and fetches a new one shortly before it expires.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    /// <summary>The named <see cref="HttpClient"/> MSAL uses for token requests.</summary>
    public const string HttpClientName = "CommunityBot.Connector.Msal";

    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly IConfidentialClientApplication app;
    private readonly string[] scopes;
    private readonly string appId;
    private readonly ILogger<MsalConnectorTokenProvider> logger;

    public MsalConnectorTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalConnectorTokenProvider> logger)
    {
        var bot = options.Value;
        if (!bot.HasCredentials)
        {
            throw new InvalidOperationException("Bot:AppId with Bot:AppPassword or Bot:CertificatePath is required for outbound connector tokens.");
        }
        appId = bot.AppId!;
        scopes = [bot.ConnectorScope];
        this.logger = logger;

        var builder = ConfidentialClientApplicationBuilder.Create(appId)
            .WithAuthority($"{bot.AuthorityHost.TrimEnd('/')}/{bot.TenantId ?? MultiTenantAuthorityTenant}")
            // The authority is configured, not discovered: no extra metadata round trip, and sovereign clouds work.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory));
        builder = string.IsNullOrWhiteSpace(bot.AppPassword)
            ? builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(bot.CertificatePath!, bot.CertificatePassword))
            : builder.WithClientSecret(bot.AppPassword);
        app = builder.Build();
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken ct)
    {
        try
        {
            var result = await app.AcquireTokenForClient(scopes).ExecuteAsync(ct).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalServiceException ex)
        {
            var transient = ex.StatusCode is 0 or (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;
            throw Failed(ex.ErrorCode, transient, ex);
        }
        catch (MsalClientException ex)
        {
            throw Failed(ex.ErrorCode, ex.InnerException is HttpRequestException or TaskCanceledException, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Failed("network_error", true, ex);
        }
    }

    private ConnectorTokenException Failed(string errorCode, bool transient, Exception inner)
    {
        ConnectorLog.TokenFailed(logger, appId, errorCode, transient);
        return new ConnectorTokenException(errorCode, transient, inner);
    }

    /// <summary>Routes MSAL's token requests through <see cref="IHttpClientFactory"/> (pooled handlers, test redirection).</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}
