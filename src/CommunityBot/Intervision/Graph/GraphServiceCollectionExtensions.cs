using CommunityBot.Intervision.Graph.StandIn;
using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace CommunityBot.Intervision.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// The Graph calendar behind <see cref="IIntervisionCalendar"/>. In the unauthenticated local mode without Graph
    /// credentials, Graph is the host's own stand-in (<see cref="GraphStandIn"/>), so the offline demo books meetings too.
    /// </summary>
    public static IServiceCollection AddIntervisionGraph(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        var configured = (configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions()).IsConfigured;
        if (!configured && TeamsServiceCollectionExtensions.ChooseAuthMode(environment, configuration) == InboundAuthMode.AnonymousLoopback)
        {
            services.AddSingleton<GraphStandIn>();
            services.AddSingleton(sp =>
            {
                var server = sp.GetRequiredService<IServer>();
                var baseUrl = GraphStandInEndpoints.BaseUrlOn(server);
                GraphLog.StandIn(sp.GetRequiredService<ILogger<GraphStandIn>>(), baseUrl);
                return GraphConnection.Anonymous(baseUrl, sp.GetRequiredService<IOptions<GraphOptions>>().Value.Timeout, new GraphStandInAddressHandler(server));
            });
        }
        else
        {
            services.AddSingleton(sp => GraphConnection.FromOptions(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        }
        services.AddSingleton<IIntervisionCalendar, GraphIntervisionCalendar>();
        return services;
    }
}
