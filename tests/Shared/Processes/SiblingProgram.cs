using System.Diagnostics;

namespace CommunityBot.Tests.Processes;

/// <summary>A console program of tests/ (a benchmark, the load harness), built beside this project with the same configuration.</summary>
internal static class SiblingProgram
{
    /// <summary>Runs it to the end and returns its exit code and output; killed when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string project, TimeSpan timeout, params string[] arguments)
    {
        var test = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(test.Parent!.Parent!.Parent!.Parent!.FullName, project, "bin", test.Parent.Name, test.Name, $"{project}.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Prepend(dll))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{project} did not finish within {timeout}:{Environment.NewLine}{await stdout}{Environment.NewLine}{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
