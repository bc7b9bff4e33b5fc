using CommunityBot.Bot;
using CommunityBot.Communities.Cadence;
using CommunityBot.Communities.Import;
using CommunityBot.Communities.Participation;
using CommunityBot.Communities.Roles;
using CommunityBot.Communities.Sheet;
using CommunityBot.People;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities;

public static class CommunitiesServiceCollectionExtensions
{
    /// <summary>
    /// Communities and roles: role checks, communities from Teams teams and their rosters, <c>community</c> (the sheet)
    /// with its role, sheet and cadence editors, and a member's own <c>pause</c>, <c>back</c> and <c>leave</c>.
    /// </summary>
    public static IServiceCollection AddCommunities(this IServiceCollection services)
    {
        services.AddOptions<CommunitiesOptions>().BindConfiguration(CommunitiesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommunityDirectory>();
        services.AddScoped<PersonMatcher>();
        services.AddScoped<TeamCommunities>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportRequest>();
        services.AddScoped<ImportWriter>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        services.AddBotCommand<CommunitySheetCommand>();

        services.AddScoped<OwnershipRelease>();
        services.AddScoped<CommunityStewardship>();
        services.AddScoped<StewardshipCards>();
        services.AddCardActionHandler<ShowRolesAction>();
        services.AddCardActionHandler<ChangeRoleAction>();
        services.AddCardActionHandler<HandOverAction>();
        services.AddCardActionHandler<ShowEditAction>();
        services.AddCardActionHandler<SaveSheetAction>();

        services.AddScoped<MemberParticipation>();
        services.AddBotCommand<PauseCommand>();
        services.AddBotCommand<BackCommand>();
        services.AddBotCommand<LeaveCommand>();
        services.AddCardActionHandler<ShowLeaveAction>();
        services.AddCardActionHandler<ConfirmLeaveAction>();

        services.AddScoped<CadenceEditor>();
        services.AddCardActionHandler<ChangeCadenceAction>();
        return services;
    }
}
