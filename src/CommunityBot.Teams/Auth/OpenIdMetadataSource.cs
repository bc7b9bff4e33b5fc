using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CommunityBot.Teams.Auth;

/// <summary>
/// The signing keys published at one OpenID metadata URL: cached by a <see cref="ConfigurationManager{T}"/>, and
/// fetched again, at most once per <see cref="MinimumRefreshInterval"/>, when a token names a key we do not know.
/// </summary>
/// <remarks>
/// In IdentityModel 8.x <c>ConfigurationManager.RequestRefresh()</c> only starts a background fetch (unless the
/// process-wide switch <c>Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking</c> is set), so the request that saw the
/// new key would still be checked against the old ones. Instead a fresh manager is created and awaited, then replaces
/// the cached one; concurrent requests with the new key share that one fetch.
/// </remarks>
internal sealed class OpenIdMetadataSource
{
    /// <summary>Same as IdentityModel's default RefreshInterval: tokens with made-up key ids cannot make us hammer the metadata endpoint.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly bool _requireHttps;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _refreshGate = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private Task<OpenIdConnectConfiguration>? _refresh;
    private DateTimeOffset _lastRefreshStarted = DateTimeOffset.MinValue;

    public OpenIdMetadataSource(string metadataUrl, bool requireHttps, TimeProvider timeProvider, ILogger logger)
    {
        MetadataUrl = metadataUrl;
        _requireHttps = requireHttps;
        _timeProvider = timeProvider;
        _logger = logger;
        _manager = CreateManager();
    }

    public string MetadataUrl { get; }

    /// <summary>The cached configuration; throws <see cref="InvalidOperationException"/> when it was never fetched successfully.</summary>
    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken ct) => Volatile.Read(ref _manager).GetConfigurationAsync(ct);

    /// <summary>Fetches the metadata again unless that happened less than <see cref="MinimumRefreshInterval"/> ago.</summary>
    public Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken ct)
    {
        Task<OpenIdConnectConfiguration>? refresh;
        lock (_refreshGate)
        {
            var now = _timeProvider.GetUtcNow();
            if (_refresh is { IsCompleted: false })
            {
                refresh = _refresh;
            }
            else if (now - _lastRefreshStarted >= MinimumRefreshInterval)
            {
                _lastRefreshStarted = now;
                refresh = _refresh = FetchAgainAsync();
            }
            else
            {
                refresh = null;
            }
        }

        return refresh is null ? GetAsync(ct) : refresh.WaitAsync(ct);
    }

    private async Task<OpenIdConnectConfiguration> FetchAgainAsync()
    {
        Log.RefreshingSigningKeys(_logger, MetadataUrl);
        var fresh = CreateManager();
        try
        {
            // Not the caller's token: one request giving up must not cancel the fetch others are waiting for.
            var configuration = await fresh.GetConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
            Volatile.Write(ref _manager, fresh);
            return configuration;
        }
        catch (InvalidOperationException ex)
        {
            Log.SigningKeyRefreshFailed(_logger, MetadataUrl, ex);
            return await GetAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager() => new(
        MetadataUrl,
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever { RequireHttps = _requireHttps });
}
