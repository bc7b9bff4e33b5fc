using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Tenants;

public static class TenantsServiceCollectionExtensions
{
    public static IServiceCollection AddTenants(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConfiguredTenantSettings>();
        services.AddSingleton<StoredTenantSettings>();
        services.AddSingleton<ITenantSettings>(sp => sp.GetRequiredService<StoredTenantSettings>());
        services.AddScoped<TenantSettingsEditor>();
        services.AddBotCommand<TenantSettingsCommand>();
        services.AddCardActionHandler<SaveTenantSettingsAction>();
        services.AddCardActionHandler<ResetTenantSettingsAction>();
        return services;
    }
}
