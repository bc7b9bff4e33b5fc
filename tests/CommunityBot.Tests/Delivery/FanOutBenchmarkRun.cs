using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// One run of the fan-out benchmark (tests/CommunityBot.Benchmarks) as its own process, as an operator runs it: real
/// host processes against a fake Teams enforcing the real ceiling of 50 requests/s per tenant.
/// </summary>
internal sealed partial record FanOutBenchmarkRun(int ExitCode, string Output, string Error)
{
    public static async Task<FanOutBenchmarkRun> StartAsync(params string[] arguments)
    {
        var test = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(test.Parent!.Parent!.Parent!.Parent!.FullName, "CommunityBot.Benchmarks", "bin", test.Parent.Name, test.Name, "CommunityBot.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Prepend(dll))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var run = new FanOutBenchmarkRun(process.ExitCode, await stdout, await stderr);
            TestContext.Current.TestOutputHelper?.WriteLine(run.Output + run.Error);
            return run;
        }
        finally
        {
            // A cancelled test must not leave the benchmark and its host processes running.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>What must hold at any speed: everyone got each message once.</summary>
    public static void ShouldAllReachEveryoneOnce(IReadOnlyList<FanOutBenchmarkRun> runs)
    {
        var report = string.Join(Environment.NewLine, runs.Select(r => r.Output + r.Error));
        foreach (var run in runs)
        {
            run.ExitCode.ShouldBe(0, report);
            var figures = Figures().Match(run.Output);
            figures.Success.ShouldBeTrue(report);
            int Figure(string name) => int.Parse(figures.Groups[name].Value, CultureInfo.InvariantCulture);
            Figure("lost").ShouldBe(0, report);
            Figure("duplicates").ShouldBe(0, report);
        }
    }

    /// <summary>No fixed second at Teams had more requests than the ceiling, those answered 429 counted too.</summary>
    public static void ShouldStayWithinTheCeiling(IReadOnlyList<FanOutBenchmarkRun> runs)
    {
        var report = string.Join(Environment.NewLine, runs.Select(r => r.Output + r.Error));
        foreach (var run in runs)
        {
            var figures = Figures().Match(run.Output);
            figures.Success.ShouldBeTrue(report);
            int.Parse(figures.Groups["busiest"].Value, CultureInfo.InvariantCulture)
                .ShouldBeLessThanOrEqualTo(int.Parse(figures.Groups["ceiling"].Value, CultureInfo.InvariantCulture), report);
        }
    }

    /// <summary>How many outbox rows each host process claimed.</summary>
    public IReadOnlyList<int> Claims() =>
        [.. ClaimsLine().Match(Output).Groups[1].Value.Split(", ").Select(n => int.Parse(n, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"max-per-second=(?<busiest>\d+) ceiling=(?<ceiling>\d+) .* duplicates=(?<duplicates>\d+) lost=(?<lost>\d+)")]
    private static partial Regex Figures();

    [GeneratedRegex(@"claimed per instance: ([\d, ]+)")]
    private static partial Regex ClaimsLine();
}
