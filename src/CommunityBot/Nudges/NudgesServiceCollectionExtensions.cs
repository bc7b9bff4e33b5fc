using CommunityBot.Jobs;

namespace CommunityBot.Nudges;

public static class NudgesServiceCollectionExtensions
{
    public static IServiceCollection AddNudges(this IServiceCollection services) =>
        services.AddRecurringJob<NudgeSweep>(NudgeSweep.JobId, Hangfire.Cron.Minutely());
}
