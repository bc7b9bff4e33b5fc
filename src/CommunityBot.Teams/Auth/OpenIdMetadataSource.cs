using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CommunityBot.Teams.Auth;

/// <summary>
/// The signing keys published at one OpenID metadata URL, fetched once and shared by all requests. A request never waits
/// long for them: when they cannot be had it learns so at once (and the endpoint answers 503), while one fetch at a time
/// goes on in the background.
/// </summary>
/// <remarks>
/// Not IdentityModel's <c>ConfigurationManager</c>: it blocks the request for the whole fetch, retries on its own clock,
/// and in 8.x <c>RequestRefresh()</c> only starts a background fetch, so a token signed with a newly rotated key would
/// still be checked against the old keys.
/// </remarks>
internal sealed class OpenIdMetadataSource
{
    /// <summary>Same as IdentityModel's default RefreshInterval: tokens with made-up key ids cannot make us hammer the metadata endpoint.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>After a failed fetch without any keys, requests are answered 503 for this long before the next attempt.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    /// <summary>Keys are fetched again in the background after this long, as the Agents SDK does (Bot Framework rotates keys slowly).</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);

    private readonly Func<IDocumentRetriever> retriever;
    private readonly TimeSpan requestWait;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset currentFetchedAt;
    private Task<OpenIdConnectConfiguration?>? fetch;
    private DateTimeOffset lastFailure = DateTimeOffset.MinValue;
    private DateTimeOffset lastRefreshStarted = DateTimeOffset.MinValue;

    /// <param name="retriever">Called per fetch: fetches are rare, and a fresh client follows DNS changes.</param>
    /// <param name="requestWait">
    /// Real time, not the TimeProvider: the longest a request waits for a fetch before it is answered 503. The fetch goes on
    /// in the background (up to the client timeout), so the next request finds the keys.
    /// </param>
    public OpenIdMetadataSource(
        string metadataUrl, Func<IDocumentRetriever> retriever, TimeSpan requestWait, TimeProvider timeProvider, ILogger logger)
    {
        MetadataUrl = metadataUrl;
        this.retriever = retriever;
        this.requestWait = requestWait;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public string MetadataUrl { get; }

    /// <summary>When the next fetch will be tried, for a 503's Retry-After.</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            var wait = lastFailure + RetryInterval - this.timeProvider.GetUtcNow();
            return wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>The keys we have, fetching them first if we have none (and the last failure is not too recent); null when there are none.</summary>
    public Task<OpenIdConnectConfiguration?> GetAsync(CancellationToken ct)
    {
        Task<OpenIdConnectConfiguration?>? fetch;
        lock (gate)
        {
            var now = this.timeProvider.GetUtcNow();
            if (this.current is { } current)
            {
                if (now - currentFetchedAt >= AutomaticRefreshInterval && this.fetch is null && now - lastFailure >= RetryInterval)
                {
                    this.fetch = FetchAsync();
                }
                return Task.FromResult<OpenIdConnectConfiguration?>(current);
            }
            fetch = this.fetch ?? (now - lastFailure >= RetryInterval ? this.fetch = FetchAsync() : null);
        }
        return fetch is null ? Task.FromResult<OpenIdConnectConfiguration?>(null) : WaitAsync(fetch, fallback: null, ct);
    }

    /// <summary>Fetches the metadata again unless that happened less than <see cref="MinimumRefreshInterval"/> ago.</summary>
    public Task<OpenIdConnectConfiguration?> RefreshAsync(CancellationToken ct)
    {
        Task<OpenIdConnectConfiguration?>? fetch;
        OpenIdConnectConfiguration? current;
        lock (gate)
        {
            var now = this.timeProvider.GetUtcNow();
            current = this.current;
            if (this.fetch is null && now - lastRefreshStarted >= MinimumRefreshInterval)
            {
                lastRefreshStarted = now;
                this.fetch = FetchAsync();
            }
            fetch = this.fetch;
        }
        return fetch is null ? Task.FromResult(current) : WaitAsync(fetch, current, ct);
    }

    private async Task<OpenIdConnectConfiguration?> WaitAsync(
        Task<OpenIdConnectConfiguration?> fetch, OpenIdConnectConfiguration? fallback, CancellationToken ct)
    {
        try
        {
            return await fetch.WaitAsync(this.requestWait, ct).ConfigureAwait(false) ?? fallback;
        }
        catch (TimeoutException)
        {
            return fallback;
        }
    }

    private async Task<OpenIdConnectConfiguration?> FetchAsync()
    {
        // Off the caller's stack and without its token: one request giving up must not cancel the fetch others wait for.
        await Task.Yield();
        Log.FetchingSigningKeys(this.logger, MetadataUrl);
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataUrl, this.retriever(), CancellationToken.None).ConfigureAwait(false);
            lock (gate)
            {
                this.current = configuration;
                currentFetchedAt = this.timeProvider.GetUtcNow();
                this.fetch = null;
            }
            return configuration;
        }
        catch (Exception ex)
        {
            // Whatever went wrong (network, http refused, a malformed document), the keys are unavailable: a result, not a 500.
            // One log line per failed fetch, and fetches after a failure wait RetryInterval: once per interval, not per request.
            Log.SigningKeysUnavailable(this.logger, MetadataUrl, ex.GetType().Name);
            lock (gate)
            {
                lastFailure = this.timeProvider.GetUtcNow();
                this.fetch = null;
            }
            return null;
        }
    }
}
