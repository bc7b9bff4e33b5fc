using CommunityBot.Communities.Import;
using CommunityBot.People;

namespace CommunityBot.Communities;

public static class CommunitiesServiceCollectionExtensions
{
    /// <summary>Communities and roles: role checks, communities from Teams teams and their rosters.</summary>
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddOptions<CommunitiesOptions>().BindConfiguration(CommunitiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<PersonMatcher>();
        services.AddScoped<TeamCommunities>();
        services.AddScoped<CommunityImporter>();
        return services;
    }
}
