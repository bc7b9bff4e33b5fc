namespace CommunityBot.Teams.Connector;

/// <summary>Every Bot Connector REST path in one place. Ids are escaped because Teams ids contain ':', ';' and '@'.</summary>
public static class ConnectorPaths
{
    public static Uri Conversations(string serviceUrl) => new($"{Root(serviceUrl)}/v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        new($"{Conversation(serviceUrl, conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        new($"{Conversation(serviceUrl, conversationId)}/activities/{Escape(activityId)}");

    public static Uri Member(string serviceUrl, string conversationId, string memberId) =>
        new($"{Conversation(serviceUrl, conversationId)}/members/{Escape(memberId)}");

    public static Uri PagedMembers(string serviceUrl, string conversationId, int? pageSize, string? continuationToken)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }
        var path = $"{Conversation(serviceUrl, conversationId)}/pagedmembers";
        return new(query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
    }

    private static string Conversation(string serviceUrl, string conversationId) =>
        $"{Root(serviceUrl)}/v3/conversations/{Escape(conversationId)}";

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    /// <summary>Teams sends serviceUrls with a trailing '/' (<c>https://smba.trafficmanager.net/emea/</c>).</summary>
    private static string Root(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The serviceUrl must be an absolute http(s) URL.", nameof(serviceUrl));
        }
        return serviceUrl.TrimEnd('/');
    }
}
