namespace CommunityBot.Communities;

public static class CommunitiesServiceCollectionExtensions
{
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddScoped<CommunityAccess>();
        return services;
    }
}
