using CommunityBot.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Testing;

public static class FakeTeamsConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Sends the MSAL token requests of <see cref="MsalConnectorTokenProvider"/> to the fake's token endpoint, keeping
    /// the configured https authority (MSAL refuses http). Call after <c>AddTeamsConnector()</c> with Bot credentials set.
    /// </summary>
    public static IServiceCollection UseFakeTeamsConnectorTokens(this IServiceCollection services, FakeTeamsConnector fake)
    {
        services.AddHttpClient(MsalConnectorTokenProvider.HttpClientName)
            .AddHttpMessageHandler(fake.CreateAuthorityRedirectHandler);
        return services;
    }
}
