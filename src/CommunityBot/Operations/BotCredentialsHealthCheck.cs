using CommunityBot.Teams;
using CommunityBot.Teams.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CommunityBot.Operations;

/// <summary>A bot with an app id but no secret or certificate can receive but never answer: not ready.</summary>
internal sealed class BotCredentialsHealthCheck(IOptions<BotOptions> options, BotEndpointSettings endpoint) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(endpoint.Mode == InboundAuthMode.AnonymousLoopback || options.Value.HasCredentials
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Bot:AppPassword or Bot:CertificatePath is missing: the bot cannot send messages."));
}
