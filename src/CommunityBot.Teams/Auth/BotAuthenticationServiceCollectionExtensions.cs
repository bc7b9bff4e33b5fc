using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Teams.Auth;

public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BotAuthenticator"/> as a singleton, so its cached signing keys are shared by all requests.
    /// Expects <see cref="BotOptions"/> to be bound by the host.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotAuthenticator>();
        return services;
    }
}
