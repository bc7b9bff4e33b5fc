using CommunityBot.Teams.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConnectorClient"/> as a typed client with the bearer-token handler. The token provider is
    /// MSAL when <see cref="BotOptions.HasCredentials"/>, otherwise none (development mode). The host binds the
    /// <c>Bot</c> section; this only reads <see cref="IOptions{BotOptions}"/>.
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TeamsTelemetry>();

        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotOptions>>().Value.HasCredentials
                ? ActivatorUtilities.CreateInstance<MsalConnectorTokenProvider>(sp)
                : new NoConnectorTokenProvider());
        services.AddTransient<ConnectorAuthHandler>();

        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName);
        // No resilience handler on purpose: one attempt per call, the caller owns retries and throttling. The timeout
        // bounds that attempt, so a connector that hangs costs a send seconds and becomes a transient failure.
        services.AddHttpClient<ConnectorClient>()
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<BotOptions>>().Value.ConnectorTimeout)
            .AddHttpMessageHandler<ConnectorAuthHandler>();
        return services;
    }
}
