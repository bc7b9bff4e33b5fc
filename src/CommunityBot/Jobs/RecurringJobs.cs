using Hangfire;

namespace CommunityBot.Jobs;

public static class RecurringJobServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> (scoped) and schedules it with Hangfire under <paramref name="id"/> when the
    /// host starts. Re-registering on every start is how an in-memory job storage gets its schedule back.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IRecurringJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobRegistration(id, cron, manager =>
            manager.AddOrUpdate<RecurringJobRunner<TJob>>(id, runner => runner.RunAsync(CancellationToken.None), cron)));
        if (!services.Any(s => s.ImplementationType == typeof(RecurringJobRegistrar)))
        {
            services.AddHostedService<RecurringJobRegistrar>();
        }
        return services;
    }
}

internal sealed record RecurringJobRegistration(string Id, string Cron, Action<IRecurringJobManager> Register);

/// <summary>Hangfire runs this in a DI scope; Hangfire replaces the token with one that fires on shutdown.</summary>
public sealed class RecurringJobRunner<TJob>(TJob job) where TJob : IRecurringJob
{
    // Overlapping runs are harmless (jobs are idempotent) but wasteful; no automatic retry because the next
    // scheduled run is the retry.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => job.RunAsync(ct);
}

internal sealed class RecurringJobRegistrar(IEnumerable<RecurringJobRegistration> registrations, IRecurringJobManager manager) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations)
        {
            registration.Register(manager);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
