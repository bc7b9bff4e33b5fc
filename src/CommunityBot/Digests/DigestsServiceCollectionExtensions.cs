using CommunityBot.Bot;
using CommunityBot.Teams.Cards;
using Microsoft.Extensions.Options;

namespace CommunityBot.Digests;

public static class DigestsServiceCollectionExtensions
{
    /// <summary>Weekly digests for leaders, coaches and coaches-the-coach: the schedule (validated at start) and the commands.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestsOptions>().BindConfiguration(DigestsOptions.Section).ValidateOnStart()
            .PostConfigure<IConfiguration>(InheritTopLevelTiming);
        services.AddSingleton<IValidateOptions<DigestsOptions>, DigestsOptionsValidator>();
        services.AddSingleton<DigestCalendar>();
        services.AddScoped<DigestRecipients>();
        services.AddScoped<DigestSessionFacts>();
        services.AddScoped<DigestAgreementFacts>();
        services.AddSingleton<DigestAttention>();
        services.AddScoped<DigestContent>();
        services.AddScoped<DigestBuilder>();
        services.AddCardActionHandler<DigestDetailAction>();
        services.AddBotCommand<DigestCommand>();
        return services;
    }

    /// <summary>A tenant's section changes only what it sets: each key it leaves out keeps the section's top-level value.</summary>
    private static void InheritTopLevelTiming(DigestsOptions options, IConfiguration configuration)
    {
        foreach (var tenant in configuration.GetSection($"{DigestsOptions.Section}:{nameof(DigestsOptions.Tenants)}").GetChildren())
        {
            var timing = new DigestTiming
            {
                LocalTime = options.LocalTime, Day = options.Day, TimeZone = options.TimeZone, SendInHolidays = options.SendInHolidays,
            };
            tenant.Bind(timing);
            options.Tenants[tenant.Key] = timing;
        }
    }
}
