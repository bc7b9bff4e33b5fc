using Microsoft.Extensions.Options;

namespace CommunityBot.Intervision.Graph;

/// <summary>A configured Graph needs exactly one kind of credential and what that kind needs; a wrong setup fails at start, not at the first booking.</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        List<string> errors = [];
        if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && !options.BaseUrl.IsLoopback))
        {
            errors.Add("Graph:BaseUrl must be an absolute https address (http only on loopback), such as https://graph.microsoft.com/v1.0.");
        }
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add("Graph:Timeout must lie between 00:00:01 and 00:05:00.");
        }
        if (options.IsConfigured)
        {
            errors.AddRange(CredentialErrors(options));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> CredentialErrors(GraphOptions options)
    {
        var kinds = new[] { !string.IsNullOrEmpty(options.ClientSecret), !string.IsNullOrWhiteSpace(options.CertificatePath), options.UseManagedIdentity }.Count(k => k);
        if (kinds != 1)
        {
            yield return $"Graph needs exactly one credential: Graph:ClientSecret, Graph:CertificatePath or Graph:UseManagedIdentity (found {kinds}).";
            yield break;
        }
        if (options.UseManagedIdentity)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId))
        {
            yield return "Graph:TenantId and Graph:ClientId are required with a client secret or a certificate.";
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
        {
            yield return $"Graph:CertificatePath names a file that does not exist: {options.CertificatePath}.";
        }
    }
}
