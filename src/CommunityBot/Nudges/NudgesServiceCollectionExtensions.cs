using CommunityBot.Communities.Cadence;
using CommunityBot.Sessions;

namespace CommunityBot.Nudges;

public static class NudgesServiceCollectionExtensions
{
    public static IServiceCollection AddNudges(this IServiceCollection services) =>
        services.AddScoped<NudgePlanner>()
            .AddScoped<PlanNudges>()
            .AddScoped<ISessionPlansListener>(sp => sp.GetRequiredService<NudgePlanner>())
            .AddScoped<ICadenceListener>(sp => sp.GetRequiredService<NudgePlanner>());
}
