using Microsoft.Extensions.Options;

namespace CommunityBot.Schedule;

public static class ScheduleServiceCollectionExtensions
{
    public static IServiceCollection AddSchedule(this IServiceCollection services)
    {
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton<SchoolCalendar>();
        services.AddSingleton<ContactRules>();
        services.AddSingleton<TenantContactRules>();
        return services;
    }
}
