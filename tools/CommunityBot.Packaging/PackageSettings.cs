using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommunityBot.Packaging;

/// <summary>
/// What the manifest template leaves open, one value per <c>${{NAME}}</c> placeholder. The bot's app id and endpoint
/// host come from the command line or from the Bicep deployment's outputs; the rest from the command line.
/// </summary>
public sealed partial record PackageSettings(
    string BotAppId, string BotDomain, string Version, string Publisher, string WebsiteUrl, string PrivacyUrl, string TermsUrl)
{
    /// <summary>The placeholders of manifest/ and what fills each.</summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>
    {
        ["BOT_APP_ID"] = BotAppId,
        ["BOT_DOMAIN"] = BotDomain,
        ["APP_VERSION"] = Version,
        ["PUBLISHER"] = Publisher,
        ["WEBSITE_URL"] = WebsiteUrl,
        ["PRIVACY_URL"] = PrivacyUrl,
        ["TERMS_URL"] = TermsUrl,
    };

    /// <summary>Every problem with the values, so one run names them all.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Guid.TryParseExact(BotAppId, "D", out _))
        {
            problems.Add("--app-id must be the bot's Entra app id (a GUID such as 00000000-0000-0000-0000-000000000000).");
        }
        if (!HostName().IsMatch(BotDomain))
        {
            problems.Add("--domain must be the bot endpoint's host name only (communitybot.azurewebsites.net), without https:// or a path.");
        }
        if (!SemanticVersion().IsMatch(Version))
        {
            problems.Add("--version must be major.minor.patch (1.0.0); Teams updates an installed app only when it grows.");
        }
        if (Publisher.Length is 0 or > 32)
        {
            problems.Add("--publisher must be 1 to 32 characters (the school group's name, shown in Teams).");
        }
        foreach (var (option, url) in new[] { ("--website", WebsiteUrl), ("--privacy", PrivacyUrl), ("--terms", TermsUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"{option} must be an https address.");
            }
        }
        return problems;
    }

    /// <summary>
    /// Reads <c>botAppId</c> and <c>botEndpointHost</c> from <c>az deployment group show --query properties.outputs</c>
    /// (each output is <c>{"type": "String", "value": "..."}</c>); a value missing there stays empty.
    /// </summary>
    public static (string AppId, string Domain) FromDeploymentOutputs(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (Output(document.RootElement, "botAppId"), Output(document.RootElement, "botEndpointHost"));
    }

    private static string Output(JsonElement outputs, string name) =>
        outputs.ValueKind == JsonValueKind.Object
        && outputs.TryGetProperty(name, out var output)
        && output.ValueKind == JsonValueKind.Object
        && output.TryGetProperty("value", out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemanticVersion();
}
