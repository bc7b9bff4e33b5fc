using CommunityBot.Jobs;
using CommunityBot.Sessions;

namespace CommunityBot.Briefings;

public static class BriefingsServiceCollectionExtensions
{
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddScoped<ISessionPlansListener, BriefingPlanner>();
        return services.AddRecurringJob<BriefingSweep>(BriefingSweep.JobId, Hangfire.Cron.Minutely());
    }
}
