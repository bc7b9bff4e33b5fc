using CommunityBot.Jobs;

namespace CommunityBot.Briefings;

public static class BriefingsServiceCollectionExtensions
{
    public static IServiceCollection AddBriefings(this IServiceCollection services) =>
        services.AddRecurringJob<BriefingSweep>(BriefingSweep.JobId, Hangfire.Cron.Minutely());
}
