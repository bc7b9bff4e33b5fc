using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CommunityBot.Intervision.Graph;

/// <summary>
/// The one <see cref="GraphServiceClient"/> of the host, on an HttpClient with Graph's default middleware (its retry
/// handler honours Retry-After on 429/503/504, at most three times) whose timeout bounds a whole operation, retries included.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private readonly HttpClient? http;
    private readonly GraphServiceClient? client;

    private GraphConnection(HttpClient? http, GraphServiceClient? client)
    {
        this.http = http;
        this.client = client;
    }

    /// <summary>The client; without configuration every calendar operation fails with a plain reason instead of a crash at start.</summary>
    public GraphServiceClient Client => client ?? throw new CalendarException(CalendarProblem.Unavailable,
        "Microsoft Graph is not configured: set Graph:TenantId, Graph:ClientId and one credential (see the README, Microsoft Graph).");

    public static GraphConnection FromOptions(GraphOptions options)
    {
        if (!options.IsConfigured)
        {
            return new GraphConnection(null, null);
        }
        var http = CreateHttpClient(options.Timeout, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        // The scope follows the base URL, so a national cloud (graph.microsoft.us, microsoftgraph.chinacloudapi.cn) gets its own tokens.
        var scope = $"{options.BaseUrl.Scheme}://{options.BaseUrl.Authority}/.default";
        return new GraphConnection(http, new GraphServiceClient(http, Credential(options), [scope], options.BaseUrl.ToString().TrimEnd('/')));
    }

    /// <summary>Without authentication: the local stand-in of the offline demo and the tests' WireMock server, both on loopback.</summary>
    public static GraphConnection Anonymous(Uri baseUrl, TimeSpan timeout, HttpMessageHandler? finalHandler = null)
    {
        var http = CreateHttpClient(timeout, finalHandler ?? new SocketsHttpHandler());
        return new GraphConnection(http, new GraphServiceClient(http, new AnonymousAuthenticationProvider(), baseUrl.ToString().TrimEnd('/')));
    }

    public void Dispose() => http?.Dispose();

    private static HttpClient CreateHttpClient(TimeSpan timeout, HttpMessageHandler finalHandler)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: finalHandler);
        http.Timeout = timeout;
        return http;
    }

    private static TokenCredential Credential(GraphOptions options)
    {
        if (options.UseManagedIdentity)
        {
            return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return string.IsNullOrEmpty(options.CertificatePassword)
                ? new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath)
                : new ClientCertificateCredential(options.TenantId, options.ClientId,
                    X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword));
        }
        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
    }
}
