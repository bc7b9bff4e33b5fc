using Microsoft.AspNetCore.Hosting.Server;

namespace CommunityBot.Intervision.Graph.StandIn;

/// <summary>
/// Sends each stand-in request to the host's address as it is when the request is made: the Graph client can be built
/// during start, before the server knows its port, and a base URL read then would be plain localhost (port 80).
/// </summary>
public sealed class GraphStandInAddressHandler(IServer server) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            var host = GraphStandInEndpoints.BaseUrlOn(server);
            request.RequestUri = new UriBuilder(uri) { Scheme = host.Scheme, Host = host.Host, Port = host.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
