using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>A person's own data (export, erasure), tenant offboarding and the retention job.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PersonErasure>();
        services.AddScoped<TenantOffboarding>();
        services.AddScoped<ExportLinks>();
        services.AddScoped<DataExport>();
        services.AddHttpContextAccessor();
        services.AddBotCommand<ExportMyDataCommand>();
        services.AddBotCommand<DeleteMyDataCommand>();
        services.AddCardActionHandler<ConfirmEraseAction>();
        return services;
    }
}
