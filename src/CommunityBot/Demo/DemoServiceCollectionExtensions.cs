using CommunityBot.Bot;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo exists only in Development, and only when Demo:Enabled is set.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (environment.IsDevelopment())
        {
            // Time can be made to pass only in Development; everything reads the clock through TimeProvider.
            services.AddSingleton(new DemoClock(TimeProvider.System));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>()));
            services.AddBotCommand<AdvanceClockCommand>();
            services.AddBotCommand<RunRemindersNowCommand>();
        }
        if (environment.IsDevelopment() && configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
        {
            services.AddHostedService<DemoSeeder>();
            services.AddHostedService<DemoAgreements>();
        }
        return services;
    }
}
