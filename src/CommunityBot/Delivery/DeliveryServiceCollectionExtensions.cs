using CommunityBot.Operations;
using CommunityBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox, the dispatcher with its throttle, its background loop and its minutely Hangfire job.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<OutboxCommitWaker>();
        services.AddSingleton<DeliveryThrottle>();
        services.AddSingleton<SharedTenantBudget>();
        services.AddSingleton<DeliveryMetrics>();
        // Its own too, so delivery composed without the rest of the host (the benchmarks) still has its spans' source.
        services.TryAddSingleton<BotTelemetry>();
        services.AddSingleton<DispatcherState>();
        services.AddSingleton<DeliveryPause>();
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<PacedConnector>();
        services.AddSingleton<RecipientResolver>();
        services.AddSingleton<MessageSender>();
        services.AddScoped<DeliveryResults>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHealthChecks().AddCheck<DeliveryHealthCheck>("delivery", tags: ["ready"]);
        services.AddScoped<Outbox>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<OutboxCommitWaker>()));
        services.ConfigureDbContext<PostgresAppDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<OutboxCommitWaker>()));
        services.AddHostedService<DeliveryWorker>();
        return services;
    }
}
