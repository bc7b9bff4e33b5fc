using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>Sessions: planning, moving and cancelling from cards, the channel announcement, <c>next session</c> and <c>sessions</c>, with "afgelasten?" asked and a way back.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionQueries>();
        services.AddScoped<SessionPlanner>();
        services.AddScoped<SessionWarnings>();
        services.AddScoped<SessionPlans>();
        services.AddScoped<SessionAnnouncer>();
        services.AddScoped<SessionViews>();
        services.AddBotCommand<PlanSessionCommand>();
        services.AddBotCommand<NextSessionCommand>();
        services.AddBotCommand<SessionListCommand>();
        services.AddCardActionHandler<PlanSessionAction>();
        services.AddCardActionHandler<MoveSessionAction>();
        services.AddCardActionHandler<CancelSessionAction>();
        services.AddCardActionHandler<BackSessionAction>();
        return services;
    }
}
