using CommunityBot.Bot;
using CommunityBot.Communities.Import;
using CommunityBot.Communities.Sheet;
using CommunityBot.People;

namespace CommunityBot.Communities;

public static class CommunitiesServiceCollectionExtensions
{
    /// <summary>Communities and roles: role checks, communities from Teams teams and their rosters, and <c>community</c> (the sheet).</summary>
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddOptions<CommunitiesOptions>().BindConfiguration(CommunitiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<PersonMatcher>();
        services.AddScoped<TeamCommunities>();
        services.AddScoped<CommunityImporter>();
        services.AddBotCommand<CommunitySheetCommand>();
        return services;
    }
}
