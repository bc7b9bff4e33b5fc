using System.Diagnostics;
using System.Text;

namespace CommunityBot.Testing;

/// <summary>The repository's Node tools (tools/node): the Adaptive Cards renderer and the Agents Playground.</summary>
internal static class NodeTools
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);

    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommunityBot.sln")))
            {
                root = root.Parent;
            }
            return root?.FullName ?? throw new InvalidOperationException("CommunityBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    internal static string Locate()
    {
        var tools = Path.Combine(RepositoryRoot, "tools", "node");
        EnsureNodeModules(tools);
        return tools;
    }

    // A fresh clone has no node_modules: install the locked versions once. A named mutex keeps two test
    // projects running in parallel from installing into the same folder at the same time.
    private static void EnsureNodeModules(string tools)
    {
        var renderer = Path.Combine(tools, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        if (File.Exists(renderer))
        {
            return;
        }

        using var mutex = new Mutex(initiallyOwned: false, "CommunityBot.NodeTools.npm-ci");
        if (!mutex.WaitOne(NodeTimeout))
        {
            throw new TimeoutException("Waited too long for another test run's `npm ci` in " + tools);
        }

        try
        {
            if (File.Exists(renderer))
            {
                return;
            }

            var (exitCode, _, stderr) = Run("npm", ["ci", "--no-audit", "--no-fund"], tools);
            if (exitCode != 0 || !File.Exists(renderer))
            {
                throw new InvalidOperationException(
                    $"tools/node/node_modules is missing and `npm ci` failed (exit {exitCode}). Run `npm ci` in {tools} " +
                    $"(the README's test command does this) and try again.\n{stderr}");
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    internal static (int ExitCode, string Stdout, string Stderr) Run(string command, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"`{command}` was not found: card validation needs Node.js 20 or later on PATH.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(NodeTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{command}` did not finish within {NodeTimeout}.");
            }

            return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }
}
