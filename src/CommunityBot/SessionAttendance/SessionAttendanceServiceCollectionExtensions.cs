using CommunityBot.Bot;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

public static class SessionAttendanceServiceCollectionExtensions
{
    /// <summary>Regrets before a session (card, reminder button, commands) and the coach's attendance card after it.</summary>
    public static IServiceCollection AddSessionAttendance(this IServiceCollection services)
    {
        services.AddScoped<AttendanceQueries>();
        services.AddScoped<RegretBook>();
        services.AddScoped<RegretViews>();
        services.AddScoped<AttendanceRegister>();
        services.AddScoped<ISessionsHeldListener, AttendanceCardSender>();
        services.AddBotCommand<CantComeCommand>();
        services.AddBotCommand<ComeAfterAllCommand>();
        services.AddBotCommand<AttendanceCommand>();
        services.AddCardActionHandler<SendRegretsAction>();
        services.AddCardActionHandler<TakeBackRegretsAction>();
        services.AddCardActionHandler<SaveAttendanceAction>();
        return services;
    }
}
