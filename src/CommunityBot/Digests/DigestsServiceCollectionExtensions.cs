using CommunityBot.Bot;
using Microsoft.Extensions.Options;

namespace CommunityBot.Digests;

public static class DigestsServiceCollectionExtensions
{
    /// <summary>Weekly digests for leaders, coaches and coaches-the-coach: the schedule (validated at start) and the commands.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestsOptions>().BindConfiguration(DigestsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestsOptions>, DigestsOptionsValidator>();
        services.AddSingleton<DigestCalendar>();
        services.AddScoped<DigestRecipients>();
        services.AddScoped<DigestContent>();
        services.AddScoped<DigestBuilder>();
        services.AddBotCommand<DigestCommand>();
        return services;
    }
}
