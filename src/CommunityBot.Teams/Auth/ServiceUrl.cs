namespace CommunityBot.Teams.Auth;

internal static class ServiceUrl
{
    /// <summary>
    /// True when both name the same connector endpoint: a trailing slash and the case of scheme and host do not matter,
    /// the path does (Teams uses it for the region, e.g. /amer/).
    /// </summary>
    public static bool AreSame(string tokenServiceUrl, string? activityServiceUrl) =>
        Uri.TryCreate(tokenServiceUrl.TrimEnd('/'), UriKind.Absolute, out var fromToken)
        && Uri.TryCreate(activityServiceUrl?.TrimEnd('/'), UriKind.Absolute, out var fromActivity)
        && Uri.Compare(fromToken, fromActivity, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;
}
