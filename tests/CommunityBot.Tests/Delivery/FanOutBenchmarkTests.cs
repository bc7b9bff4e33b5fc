using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

/// <summary>Runs the fan-out benchmark (tests/CommunityBot.Benchmarks) small, so CI keeps it working.</summary>
public sealed partial class FanOutBenchmarkTests
{
    [Fact]
    public async Task A_small_fan_out_runs_near_the_ceiling_without_duplicates_or_many_429s()
    {
        var test = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(test.Parent!.Parent!.Parent!.Parent!.FullName, "CommunityBot.Benchmarks", "bin", test.Parent.Name, test.Name, "CommunityBot.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--recipients", "1000", "--ceiling", "500" })
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

        var figures = Figures().Match(output);
        figures.Success.ShouldBeTrue(output);
        var ratio = double.Parse(figures.Groups["ratio"].Value, CultureInfo.InvariantCulture);
        var throttled = int.Parse(figures.Groups["throttled"].Value, CultureInfo.InvariantCulture);
        // Loose on purpose: CI machines are shared; the full run's figures are in the README.
        ratio.ShouldBeGreaterThan(0.5, output);
        throttled.ShouldBeLessThan(10, output);
        figures.Groups["duplicates"].Value.ShouldBe("0");
    }

    [GeneratedRegex(@"ratio=(?<ratio>[0-9.]+) requests=\d+ 429s=(?<throttled>\d+) .* duplicates=(?<duplicates>\d+)")]
    private static partial Regex Figures();
}
