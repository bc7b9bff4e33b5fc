using System.Net.Http.Headers;

namespace CommunityBot.Teams.Connector;

/// <summary>Adds the bot's bearer token to every connector request.</summary>
public sealed class ConnectorAuthHandler(IConnectorTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            // The token lets anyone act as the bot: it never travels in clear text beyond this machine.
            if (request.RequestUri is { } uri && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
            {
                throw new InvalidOperationException($"Refusing to send the connector token over {uri.Scheme} to a non-loopback host.");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
