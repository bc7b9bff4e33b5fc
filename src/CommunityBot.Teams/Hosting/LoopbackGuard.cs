using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CommunityBot.Teams.Hosting;

/// <summary>
/// The anonymous development mode accepts unauthenticated activities, so it must never be reachable from
/// another machine: the host refuses to start unless every address it is told to listen on is loopback.
/// </summary>
public static class LoopbackGuard
{
    public static void EnsureOnlyLoopbackUrls(IConfiguration configuration)
    {
        var offending = ConfiguredUrls(configuration).Where(url => !IsLoopbackUrl(url)).ToList();
        if (offending.Count > 0)
        {
            throw new InvalidOperationException(
                "The bot runs without authentication (Development, no Bot:AppId) and may only listen on loopback, " +
                $"but is configured for: {string.Join(", ", offending)}. Use http://127.0.0.1:<port> or http://localhost:<port>, or set Bot:AppId.");
        }
        if (!string.IsNullOrWhiteSpace(configuration["HTTP_PORTS"]) || !string.IsNullOrWhiteSpace(configuration["HTTPS_PORTS"]))
        {
            throw new InvalidOperationException(
                "The bot runs without authentication and ASPNETCORE_HTTP_PORTS/HTTPS_PORTS bind every interface. Use ASPNETCORE_URLS=http://127.0.0.1:<port> instead, or set Bot:AppId.");
        }
    }

    /// <summary>A connection without a remote address (an in-process server, a proxy that lost it) is not loopback.</summary>
    public static bool IsLoopback(IPAddress? remote) => remote is not null && IPAddress.IsLoopback(remote);

    /// <summary>
    /// A request made on this machine to this machine. A loopback connection alone is not enough: a tunnel (ngrok, dev
    /// tunnels) or a reverse proxy on this machine connects from 127.0.0.1 on behalf of anyone, and a DNS-rebound page
    /// reaches 127.0.0.1 under its own host name. Those show as forwarding headers or a Host that is not loopback.
    /// </summary>
    public static bool IsLocalRequest(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Request.Headers;
        return IsLoopback(http.Connection.RemoteIpAddress)
            && http.Request.Host.Host.ToLowerInvariant() is "localhost" or "127.0.0.1" or "[::1]"
            && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("X-Forwarded-Host") && !headers.ContainsKey("Forwarded");
    }

    private static IEnumerable<string> ConfiguredUrls(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    private static bool IsLoopbackUrl(string url)
    {
        var normalized = url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return false;
        }
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
