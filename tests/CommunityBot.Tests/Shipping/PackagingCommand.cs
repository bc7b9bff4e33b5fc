using System.IO.Compression;
using CommunityBot.Testing;

namespace CommunityBot.Tests.Shipping;

/// <summary>
/// Runs the packaging command as scripts/package-app.sh does (the built tools/CommunityBot.Packaging, without
/// `dotnet run`'s build) and unpacks what it wrote.
/// </summary>
internal static class PackagingCommand
{
    public const string AppId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    public const string Domain = "communitybot-sintjozef.azurewebsites.net";

    /// <summary>The options a school group's admin gives besides the app id and domain.</summary>
    public static readonly string[] PublisherOptions =
    [
        "--version", "1.2.3", "--publisher", "Scholengroep Sint-Jozef",
        "--website", "https://www.sint-jozef.example", "--privacy", "https://www.sint-jozef.example/privacy",
        "--terms", "https://www.sint-jozef.example/gebruik",
    ];

    public static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> arguments)
    {
        var test = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(NodeTools.RepositoryRoot, "tools", "CommunityBot.Packaging", "bin", test.Parent!.Name, test.Name, "CommunityBot.Packaging.dll");
        return NodeTools.Run("dotnet", [dll, .. arguments], NodeTools.RepositoryRoot);
    }

    /// <summary>Packages with the given Bicep deployment outputs into a fresh folder and unpacks the zip beside it.</summary>
    public static (string Zip, string Unpacked) PackageFromOutputs(string outputsJson)
    {
        var folder = Directory.CreateTempSubdirectory("communitybot-package-").FullName;
        var outputs = Path.Combine(folder, "outputs.json");
        File.WriteAllText(outputs, outputsJson);
        var zip = Path.Combine(folder, "dist", "communitybot-teams.zip");
        var (exitCode, stdout, stderr) = Run(["--outputs", outputs, .. PublisherOptions, "--out", zip]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"packaging failed ({exitCode}): {stdout}{stderr}");
        }
        var unpacked = Path.Combine(folder, "unpacked");
        ZipFile.ExtractToDirectory(zip, unpacked);
        return (zip, unpacked);
    }

    public static string Outputs(string appId, string domain) =>
        $$"""{ "botAppId": { "type": "String", "value": "{{appId}}" }, "botEndpointHost": { "type": "String", "value": "{{domain}}" } }""";
}
