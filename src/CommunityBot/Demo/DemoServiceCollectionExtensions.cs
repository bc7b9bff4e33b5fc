namespace CommunityBot.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo exists only in Development, and only when Demo:Enabled is set.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (environment.IsDevelopment() && configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
        {
            services.AddHostedService<DemoSeeder>();
        }
        return services;
    }
}
