using CommunityBot.Sessions;

namespace CommunityBot.Briefings;

public static class BriefingsServiceCollectionExtensions
{
    public static IServiceCollection AddBriefings(this IServiceCollection services) =>
        services.AddScoped<ISessionPlansListener, BriefingPlanner>();
}
