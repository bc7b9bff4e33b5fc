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
    public async Task A_small_fan_out_delivers_everyone_once_without_many_429s_and_prints_its_figures()
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
        var throttled = int.Parse(figures.Groups["throttled"].Value, CultureInfo.InvariantCulture);
        // Speed is measured by the full benchmark run (figures in the README), not asserted here: a shared machine's
        // load would make a timing assertion flaky. What must hold at any speed: nobody twice, few 429s.
        throttled.ShouldBeLessThan(10, output);
        figures.Groups["duplicates"].Value.ShouldBe("0");
    }

    [GeneratedRegex(@"ratio=[0-9.]+ requests=\d+ 429s=(?<throttled>\d+) .* duplicates=(?<duplicates>\d+)")]
    private static partial Regex Figures();
}
