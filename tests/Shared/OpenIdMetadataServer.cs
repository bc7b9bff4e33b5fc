using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CommunityBot.Testing;

/// <summary>
/// A plain-http OpenID metadata endpoint on loopback (free port), shared by the tests of a class.
/// Every <see cref="TestAuthority"/> lives under its own first path segment.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, TestAuthority> authorities = new();
    private WebApplication? app;
    private string baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/{authority}/{**path}", async (string authority, string path, CancellationToken aborted) =>
        {
            if (!authorities.TryGetValue(authority, out var found))
            {
                return Results.NotFound();
            }
            if (found.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(found.ResponseDelay, aborted);
            }
            return found.Serve(path);
        });
        await app.StartAsync();
        baseUrl = app.Urls.Single();
    }

    /// <summary>A Bot Framework-like issuer: https://api.botframework.com, metadata at .well-known/openidconfiguration.</summary>
    public TestAuthority AddBotFrameworkAuthority() =>
        Add(name => new TestAuthority($"{baseUrl}/{name}", ".well-known/openidconfiguration", "https://api.botframework.com"));

    /// <summary>An Entra ID tenant under its own authority host, issuer {AuthorityHost}/{tenant}/v2.0.</summary>
    public (TestAuthority Tenant, string AuthorityHost) AddEntraTenant(string tenantId)
    {
        string authorityHost = "";
        var tenant = Add(name =>
        {
            authorityHost = $"{baseUrl}/{name}";
            return new TestAuthority(authorityHost, $"{tenantId}/v2.0/.well-known/openid-configuration", $"{authorityHost}/{tenantId}/v2.0");
        });
        return (tenant, authorityHost);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private TestAuthority Add(Func<string, TestAuthority> create)
    {
        var name = Guid.NewGuid().ToString("N");
        var authority = create(name);
        authorities[name] = authority;
        return authority;
    }
}
