using System.Reflection;
using CommunityBot.Testing;

namespace CommunityBot.Tests.Shipping;

/// <summary>
/// The Bicep compiler from NuGet (Azure.Bicep.CommandLine.linux-x64, downloaded by tools/CommunityBot.Packaging), run
/// offline. `bicep lint` exits 0 even with warnings, so callers read its diagnostics, not only its exit code.
/// </summary>
internal static class BicepCompiler
{
    private const string Version = "0.49.2";

    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var bicep = Path.Combine(PackageRoot(), "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");
        // NuGet extracts the executable without its execute bit.
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }
        var (exitCode, stdout, stderr) = NodeTools.Run(bicep, arguments, Path.Combine(NodeTools.RepositoryRoot, "infra"));
        return (exitCode, stdout + stderr);
    }

    /// <summary>The lines that are diagnostics ("file(line,col) : Warning rule: ..."), whatever the exit code.</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        output.Split('\n').Where(line => line.Contains(" : Warning ") || line.Contains(" : Error ")).ToList();

    private static string PackageRoot() =>
        typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value
        ?? throw new InvalidOperationException("NuGetPackageRoot was not recorded at build time.");
}
