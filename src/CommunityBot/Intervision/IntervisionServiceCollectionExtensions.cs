using CommunityBot.Intervision.Graph;

namespace CommunityBot.Intervision;

public static class IntervisionServiceCollectionExtensions
{
    /// <summary>Intervision between process coaches: groups, slot finding over their calendars, a vote and a booked Teams meeting.</summary>
    public static IServiceCollection AddIntervision(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIntervisionGraph(configuration, environment);
        return services;
    }
}
