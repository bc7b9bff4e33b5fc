using CommunityBot.Bot;
using CommunityBot.Communities.Cadence;
using CommunityBot.Communities.Import;
using CommunityBot.Communities.Sheet;
using CommunityBot.People;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities;

public static class CommunitiesServiceCollectionExtensions
{
    /// <summary>Communities and roles: role checks, communities from Teams teams and their rosters, <c>community</c> (the sheet) and the cadence card.</summary>
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddOptions<CommunitiesOptions>().BindConfiguration(CommunitiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<PersonMatcher>();
        services.AddScoped<TeamCommunities>();
        services.AddScoped<CommunityImporter>();
        services.AddBotCommand<CommunitySheetCommand>();
        services.AddScoped<CadenceEditor>();
        services.AddCardActionHandler<ChangeCadenceAction>();
        return services;
    }
}
