namespace CommunityBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Stand-in registration until feat/delivery lands (same name and signature).</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<Outbox>();
        return services;
    }
}
