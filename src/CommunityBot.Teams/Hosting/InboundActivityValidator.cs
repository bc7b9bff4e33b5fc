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
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && activity.From!.Id == activity.Recipient?.Id)
        {
            return "from.id is the bot's own";
        }
        if (LengthProblem(activity) is { } lengthProblem)
        {
            return lengthProblem;
        }
        if ((MembersProblem(activity.MembersAdded) ?? MembersProblem(activity.MembersRemoved)) is { } membersProblem)
        {
            return membersProblem;
        }
        if (Ids(activity).Any(id => id is not null && id.Any(c => char.IsControl(c) || char.IsSurrogate(c))))
        {
            return "an id holds a control character or a surrogate";
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

    /// <summary>
    /// Ids longer than the columns that store them (the same numbers as the EF model) are no real Teams ids; PostgreSQL would
    /// refuse them mid-turn. Names are not checked here: they are cut where they are stored.
    /// </summary>
    private static string? LengthProblem(Activity activity) =>
        activity.TenantId!.Length > MaxLengths.TenantId ? "tenant id too long"
        : activity.From!.Id.Length > MaxLengths.UserId ? "from.id too long"
        : activity.From.AadObjectId?.Length > MaxLengths.AadObjectId ? "from.aadObjectId too long"
        : activity.Recipient?.Id?.Length > MaxLengths.UserId ? "recipient.id too long"
        : activity.Conversation!.Id.Length > MaxLengths.ConversationId ? "conversation id too long"
        : activity.ChannelData?.Team?.Id?.Length > MaxLengths.ConversationId ? "team id too long"
        : activity.ChannelData?.Channel?.Id?.Length > MaxLengths.ConversationId ? "channel id too long"
        : activity.ServiceUrl?.Length > MaxLengths.ServiceUrl ? "serviceUrl too long"
        : null;

    /// <summary>
    /// The ids stored and compared as sent. Teams' ids are plain text; one with a control character or a surrogate is
    /// forged, and storing it would lose those characters (stored text is cleaned of them) and make it another's id.
    /// </summary>
    private static IEnumerable<string?> Ids(Activity activity) =>
        [
            activity.TenantId, activity.From?.Id, activity.From?.AadObjectId, activity.Recipient?.Id, activity.Conversation?.Id,
            activity.ChannelData?.Team?.Id, activity.ChannelData?.Channel?.Id,
            .. (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []).SelectMany(m => new[] { m.Id, m.AadObjectId }),
        ];

    /// <summary>Every member added or removed is someone: features look each of them up by id.</summary>
    private static string? MembersProblem(List<ChannelAccount>? members) =>
        members is null ? null
        : members.Any(m => m is null || string.IsNullOrWhiteSpace(m.Id)) ? "a member without an id"
        : members.Any(m => m.Id.Length > MaxLengths.UserId || m.AadObjectId?.Length > MaxLengths.AadObjectId) ? "a member id too long"
        : null;
}
