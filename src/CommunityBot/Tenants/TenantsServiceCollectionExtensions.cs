namespace CommunityBot.Tenants;

public static class TenantsServiceCollectionExtensions
{
    public static IServiceCollection AddTenants(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConfiguredTenantSettings>();
        services.AddSingleton<ITenantSettings>(sp => sp.GetRequiredService<ConfiguredTenantSettings>());
        return services;
    }
}
