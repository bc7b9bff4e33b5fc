using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Auth;

public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// The bot's authentication scheme and the two policies of <c>POST /api/messages</c>. <see cref="BotAuthenticator"/> is a
    /// singleton, so its cached signing keys are shared by all requests. Expects <see cref="BotOptions"/> to be bound by the host.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Bounded, so that a hanging metadata endpoint frees its one fetch in time (requests never wait for it that long).
        services.AddHttpClient(BotAuthenticator.MetadataHttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<BotOptions>>().Value.SigningKeyFetchTimeout);
        services.TryAddSingleton<BotAuthenticator>();
        // Policies that name no scheme (the anonymous one) are challenged by the bot scheme: 401, not an exception.
        services.AddAuthentication(options => options.DefaultChallengeScheme = BotAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BotAuthenticationHandler>(BotAuthenticationDefaults.AuthenticationScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(BotPolicies.Channel, policy => policy
                .AddAuthenticationSchemes(BotAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(BotPolicies.AnonymousDevelopment, policy => policy.AddRequirements(new LoopbackRequirement()));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoopbackRefusalResultHandler>();
        return services;
    }
}
