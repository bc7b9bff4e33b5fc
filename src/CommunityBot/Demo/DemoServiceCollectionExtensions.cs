using CommunityBot.Bot;
using CommunityBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Development aids, which exist only in the unauthenticated local mode (Development, no Bot:AppId): the demo seed (when Demo:Enabled is set),
    /// a clock that can be advanced, running the sweeps on demand, and the <c>act as</c> command.
    /// </summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Only without authentication on loopback: a Development host wired to real Teams (Bot:AppId set) must not let
        // anyone act as someone else or move the clock.
        if (TeamsServiceCollectionExtensions.ChooseAuthMode(environment, configuration) != InboundAuthMode.AnonymousLoopback)
        {
            return services;
        }
        // Time can be made to pass only in Development; everything reads the clock through TimeProvider.
        services.AddSingleton(new DemoClock(TimeProvider.System));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>()));
        services.AddBotCommand<AdvanceClockCommand>();
        services.AddBotCommand<RunRemindersNowCommand>();
        if (configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
        {
            services.AddSingleton<DemoSeeder>();
            services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
            services.AddBotCommand<DemoResetCommand>();
            services.AddDemoSeedContributor<DemoAgreements>();
            services.AddDemoSeedContributor<DemoCheckIns>();
            services.AddDemoSeedContributor<DemoNeighbours>();
            // After the neighbours, whose coach-the-coach and coach it groups.
            services.AddDemoSeedContributor<Intervision.DemoIntervision>();
        }
        services.AddSingleton<Impersonations>();
        // Runs after the middleware of AddBot (called before AddDemo), since it needs the sender it resolves.
        services.AddTurnMiddleware<ActAsMiddleware>();
        services.AddBotCommand<ActAsCommand>();
        return services;
    }

    /// <summary>Adds a feature's data to the demo seed; harmless outside Development, where the seed never runs.</summary>
    public static IServiceCollection AddDemoSeedContributor<T>(this IServiceCollection services) where T : class, IDemoSeedContributor =>
        services.AddScoped<IDemoSeedContributor, T>();
}
