using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Connector;

/// <summary>
/// Adds the bot's bearer token to connector requests, and only to connectors on the allow-list: the service URL comes from
/// an activity, and the token lets whoever receives it act as the bot.
/// </summary>
public sealed class ConnectorAuthHandler(IConnectorTokenProvider tokens, IOptions<BotOptions> options) : DelegatingHandler
{
    public const string HostNotAllowed = "service_url_not_allowed";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            if (request.RequestUri is not { } uri || !options.Value.IsConnectorServiceUrl(uri))
            {
                throw new ConnectorTokenException(HostNotAllowed, isTransient: false);
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
