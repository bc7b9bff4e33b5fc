using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Hosting;

/// <summary>What every activity must carry before any feature sees it: features may rely on these without checking.</summary>
public static class InboundActivityValidator
{
    /// <summary>Null when the activity is usable; otherwise a fixed text for the log (never a value from the activity).</summary>
    public static string? Problem(Activity activity, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "no conversation id";
        }
        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "no from.id";
        }
        if (string.IsNullOrWhiteSpace(activity.TenantId))
        {
            return "no tenant";
        }
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return "serviceUrl is not an absolute URL";
        }
        if (serviceUrl.Scheme != Uri.UriSchemeHttps && !(serviceUrl.IsLoopback && options.AllowLoopbackServiceUrls))
        {
            return "serviceUrl is not https";
        }
        // The bot sends its token to this URL when it answers: only known connectors qualify.
        return options.IsConnectorServiceUrl(serviceUrl) ? null : "serviceUrl is not a known connector";
    }
}
