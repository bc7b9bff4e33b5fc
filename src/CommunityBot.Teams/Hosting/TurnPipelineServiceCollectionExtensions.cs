using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Teams.Hosting;

public static class TurnPipelineServiceCollectionExtensions
{
    /// <summary>Adds a middleware at the end of the turn pipeline (order of registration is order of running); scoped.</summary>
    public static IServiceCollection AddTurnMiddleware<TMiddleware>(this IServiceCollection services)
        where TMiddleware : class, ITurnMiddleware
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITurnMiddleware, TMiddleware>());
        return services;
    }
}
