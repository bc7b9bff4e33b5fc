using CommunityBot.Bot;
using CommunityBot.Intervision.Graph;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

public static class IntervisionServiceCollectionExtensions
{
    /// <summary>Intervision between process coaches: groups, slot finding over their calendars, a vote and a booked Teams meeting.</summary>
    public static IServiceCollection AddIntervision(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIntervisionGraph(configuration, environment);
        services.AddOptions<IntervisionOptions>().BindConfiguration(IntervisionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IntervisionProposer>();
        services.AddScoped<IntervisionBallot>();
        services.AddScoped<IntervisionBooker>();
        services.AddScoped<IntervisionChanges>();
        services.AddScoped<GroupEditor>();
        services.AddScoped<IntervisionImport>();
        services.AddBotCommand<PlanIntervisionCommand>();
        services.AddBotCommand<GroupCommand>();
        services.AddCardActionHandler<VoteAction>();
        services.AddCardActionHandler<RefreshVoteAction>();
        services.AddCardActionHandler<ConfirmAction>();
        services.AddCardActionHandler<SaveGroupAction>();
        services.AddCardActionHandler<MoveAction>();
        services.AddCardActionHandler<CancelAction>();
        return services;
    }
}
