using System.Diagnostics;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Jobs;

/// <summary>Runs the sweep benchmark (tests/CommunityBot.Benchmarks --sweeps) small, so CI keeps it working.</summary>
public sealed partial class SweepBenchmarkTests
{
    [Fact]
    public async Task The_sweep_benchmark_times_every_sweep_on_both_databases_and_sends_nothing_when_nothing_is_due()
    {
        var test = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(test.Parent!.Parent!.Parent!.Parent!.FullName, "CommunityBot.Benchmarks", "bin", test.Parent.Name, test.Name, "CommunityBot.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--sweeps", "--sizes", "10,200", "--runs", "3", "--providers", "sqlite,postgres" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await stdout;
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        process.ExitCode.ShouldBe(0, await stderr);

        // Speed is measured by the full run (figures in the README), not asserted here: a shared machine's load would
        // make a timing assertion flaky. What must hold at any speed: every sweep timed, nothing sent.
        var sizes = SizeLine().Matches(output).Select(m => (m.Groups["provider"].Value, m.Groups["open"].Value, m.Groups["enqueued"].Value)).ToList();
        sizes.ShouldBe([("sqlite", "10", "0"), ("sqlite", "200", "0"), ("postgres", "10", "0"), ("postgres", "200", "0")], output);
        RatioLine().Matches(output).Count.ShouldBe(2, output);
    }

    [GeneratedRegex(@"provider=(?<provider>\w+) open=(?<open>\d+) reminders=[0-9.]+ms briefings=[0-9.]+ms nudges=[0-9.]+ms enqueued=(?<enqueued>\d+)")]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"ratio 200/10: reminders=[0-9.]+ briefings=[0-9.]+ nudges=[0-9.]+")]
    private static partial Regex RatioLine();
}
