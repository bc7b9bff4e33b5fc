using Hangfire;

namespace CommunityBot.Jobs;

public static class RecurringJobServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> (scoped) and schedules it with Hangfire under <paramref name="id"/> when the
    /// host starts. Re-registering on every start is how an in-memory job storage gets its schedule back. Called for
    /// each row of <see cref="RecurringJobTable"/>.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IRecurringJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        services.AddScoped<TJob>();
        services.AddSingleton(new RecurringJobRegistration(id, cron, manager =>
            manager.AddOrUpdate<RecurringJobRunner<TJob>>(id, runner => runner.RunAsync(id, CancellationToken.None), cron)));
        if (!services.Any(s => s.ImplementationType == typeof(RecurringJobRegistrar)))
        {
            services.AddHostedService<RecurringJobRegistrar>();
        }
        return services;
    }
}
