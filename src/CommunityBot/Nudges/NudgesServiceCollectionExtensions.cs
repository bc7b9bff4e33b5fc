using CommunityBot.Sessions;

namespace CommunityBot.Nudges;

public static class NudgesServiceCollectionExtensions
{
    public static IServiceCollection AddNudges(this IServiceCollection services) =>
        services.AddScoped<ISessionPlansListener, NudgePlanner>();
}
