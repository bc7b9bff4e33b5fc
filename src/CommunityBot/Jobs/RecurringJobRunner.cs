using Hangfire;

namespace CommunityBot.Jobs;

/// <summary>Hangfire runs this in a DI scope; Hangfire replaces the token with one that fires on shutdown.</summary>
public sealed class RecurringJobRunner<TJob>(TJob job) where TJob : IRecurringJob
{
    // Overlapping runs are harmless (jobs are idempotent) but wasteful; no automatic retry because the next
    // scheduled run is the retry.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => job.RunAsync(ct);
}
