using CommunityBot.Operations;
using Hangfire;

namespace CommunityBot.Jobs;

/// <summary>Hangfire runs this in a DI scope; Hangfire replaces the token with one that fires on shutdown.</summary>
public sealed class RecurringJobRunner<TJob>(TJob job, BotTelemetry telemetry) where TJob : IRecurringJob
{
    // Overlapping runs are harmless (jobs are idempotent) but wasteful; no automatic retry because the next
    // scheduled run is the retry. The id travels with the job so each run's span names its row of the table.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string jobId, CancellationToken ct)
    {
        using var span = telemetry.StartJob(jobId);
        try
        {
            await job.RunAsync(ct);
            BotTelemetry.Outcome(span, "job.outcome", "succeeded", failed: false);
        }
        catch (Exception ex)
        {
            BotTelemetry.Outcome(span, "job.outcome", ex is OperationCanceledException ? "cancelled" : "failed", failed: true);
            throw;
        }
    }
}
