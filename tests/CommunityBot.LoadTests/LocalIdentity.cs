using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommunityBot.Testing;
using CommunityBot.Tests.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityBot.LoadTests;

/// <summary>
/// Both sides of the bot's identity on loopback: the Bot Framework OpenID metadata and keys the host checks every
/// activity's token against (plain http, which the host allows in Development), and an Entra-style token endpoint for
/// the bot's own outbound token. MSAL accepts only https authorities, so that endpoint is https with a self-signed
/// certificate that the host process trusts through <c>SSL_CERT_FILE</c>; the host thus runs with a secret, as in
/// production, and its readiness includes its credentials.
/// </summary>
internal sealed class LocalIdentity : IAsyncDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000010ad";
    public const string ConnectorToken = "load-connector-token";

    private readonly WebApplication app;
    private readonly string directory;

    private LocalIdentity(WebApplication app, TestAuthority botFramework, string directory, int httpsPort)
    {
        this.app = app;
        this.directory = directory;
        BotFramework = botFramework;
        AuthorityHost = $"https://localhost:{httpsPort}";
    }

    public TestAuthority BotFramework { get; }

    /// <summary>Where MSAL asks for the bot's token: <c>{AuthorityHost}/{tenant}/oauth2/v2.0/token</c>.</summary>
    public string AuthorityHost { get; }

    /// <summary>The only certificate the host process trusts: this endpoint's.</summary>
    public string CertificateFile => Path.Combine(directory, "localhost.pem");

    public static async Task<LocalIdentity> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("communitybot-load-identity-").FullName;
        using var certificate = SelfSigned();
        await File.WriteAllTextAsync(Path.Combine(directory, "localhost.pem"), certificate.ExportCertificatePem());
        var httpPort = FreePort.Next();
        var httpsPort = FreePort.Next();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Kestrel needs the private key in a form it can use on Linux: a PKCS#12 round trip.
        var serving = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort);
            kestrel.ListenLocalhost(httpsPort, listen => listen.UseHttps(serving));
        });
        var app = builder.Build();
        TestAuthority? botFramework = null;
        app.MapGet("/botframework/{**path}", (string path) => botFramework!.Serve(path));
        app.MapPost("/{tenant}/oauth2/v2.0/token", () => Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = ConnectorToken,
        }));
        botFramework = new TestAuthority($"http://127.0.0.1:{httpPort}/botframework", ".well-known/openidconfiguration", "https://api.botframework.com");
        await app.StartAsync();
        return new LocalIdentity(app, botFramework, directory, httpsPort);
    }

    /// <summary>A channel token as the Bot Framework signs it for Teams: one for the whole run, as Teams reuses its tokens.</summary>
    public string ChannelToken(string serviceUrl)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFramework.Issuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(2),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(BotFramework.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
