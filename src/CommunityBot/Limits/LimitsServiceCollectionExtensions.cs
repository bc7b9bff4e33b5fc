using CommunityBot.Teams.Hosting;

namespace CommunityBot.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>
    /// Limits on what people send: the message text cap (a turn middleware, so call this right after <c>AddBot</c>, whose
    /// person resolution gives the language of the answer).
    /// </summary>
    public static IServiceCollection AddLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTurnMiddleware<MessageLengthMiddleware>();
        return services;
    }
}
