namespace CommunityBot.Packaging;

/// <summary>
/// <c>scripts/package-app.sh [--outputs deployment-outputs.json] [--app-id GUID] [--domain HOST] --version X.Y.Z
/// --publisher NAME --website URL --privacy URL --terms URL [--manifest DIR] [--out ZIP]</c>. An explicit
/// --app-id/--domain wins over the deployment outputs. Exit code 0 written, 2 wrong arguments.
/// </summary>
public static class PackageCommand
{
    private static readonly string[] Options =
        ["--outputs", "--app-id", "--domain", "--version", "--publisher", "--website", "--privacy", "--terms", "--manifest", "--out"];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Options.Contains(args[i]) || i + 1 >= args.Length)
            {
                error.WriteLine($"Unknown option or missing value: {args[i]}. Options: {string.Join(' ', Options)}");
                return 2;
            }
            values[args[i]] = args[i + 1];
        }

        var (appId, domain) = values.TryGetValue("--outputs", out var outputsFile)
            ? PackageSettings.FromDeploymentOutputs(File.ReadAllText(outputsFile))
            : ("", "");
        var settings = new PackageSettings(
            values.GetValueOrDefault("--app-id", appId),
            values.GetValueOrDefault("--domain", domain),
            values.GetValueOrDefault("--version", ""),
            values.GetValueOrDefault("--publisher", ""),
            values.GetValueOrDefault("--website", ""),
            values.GetValueOrDefault("--privacy", ""),
            values.GetValueOrDefault("--terms", ""));
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }
            return 2;
        }

        var zipPath = values.GetValueOrDefault("--out", Path.Combine("dist", "communitybot-teams.zip"));
        AppPackage.Write(values.GetValueOrDefault("--manifest", "manifest"), settings, zipPath);
        output.WriteLine($"Wrote {zipPath} (app {settings.BotAppId}, endpoint https://{settings.BotDomain}/api/messages, version {settings.Version}).");
        return 0;
    }
}
