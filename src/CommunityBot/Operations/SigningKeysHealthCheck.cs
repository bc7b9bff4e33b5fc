using CommunityBot.Teams.Auth;
using CommunityBot.Teams.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunityBot.Operations;

/// <summary>
/// Without the Bot Framework's signing keys every message is answered 503: not ready until a fetch succeeds. Asking also
/// keeps the keys fresh, since the key source refreshes itself when asked after its refresh interval.
/// </summary>
internal sealed class SigningKeysHealthCheck(BotEndpointSettings endpoint, BotAuthenticator authenticator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        endpoint.Mode == InboundAuthMode.AnonymousLoopback || await authenticator.SigningKeysAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The signing keys of incoming tokens cannot be fetched (Bot:OpenIdMetadataUrl): messages are answered 503 until they can.");
}
