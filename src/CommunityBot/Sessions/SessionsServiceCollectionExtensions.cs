using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>Sessions: planning, moving and cancelling from cards, the channel announcement, <c>next session</c> and <c>sessions</c>.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionQueries>();
        services.AddScoped<SessionPlanner>();
        services.AddScoped<SessionWarnings>();
        services.AddScoped<SessionPlans>();
        services.AddScoped<SessionAnnouncer>();
        services.AddBotCommand<PlanSessionCommand>();
        services.AddBotCommand<NextSessionCommand>();
        services.AddBotCommand<SessionListCommand>();
        services.AddCardActionHandler<PlanSessionAction>();
        services.AddCardActionHandler<MoveSessionAction>();
        services.AddCardActionHandler<CancelSessionAction>();
        return services;
    }
}
