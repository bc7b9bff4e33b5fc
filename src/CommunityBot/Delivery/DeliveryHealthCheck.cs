using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommunityBot.Delivery;

/// <summary>Not ready while Teams rejects the bot's credentials: messages wait, and an operator must fix the secret.</summary>
internal sealed class DeliveryHealthCheck(DeliveryPause pause) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(pause.CredentialsRejected
            ? HealthCheckResult.Unhealthy("Teams rejected the bot's credentials (401): delivery is paused until they are fixed.")
            : HealthCheckResult.Healthy());
}
