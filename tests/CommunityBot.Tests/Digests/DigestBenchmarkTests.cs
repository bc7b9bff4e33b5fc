using System.Diagnostics;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Digests;

/// <summary>Runs the digest benchmark (tests/CommunityBot.Benchmarks --digests) small, so CI keeps it working and right.</summary>
public sealed partial class DigestBenchmarkTests
{
    [Fact]
    public async Task The_digest_benchmark_builds_every_digest_on_both_databases_and_each_section_says_what_was_seeded()
    {
        var test = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(test.Parent!.Parent!.Parent!.Parent!.FullName, "CommunityBot.Benchmarks", "bin", test.Parent.Name, test.Name, "CommunityBot.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--digests", "--sizes", "50,100", "--providers", "sqlite,postgres" })
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

        // Speed is measured by the full run (figures in the README), not asserted: the shared machine's load would make it
        // flaky. What must hold at any speed: every section as seeded, and at least a digest per leader (one per school of
        // ten communities; coaches and coaches-the-coach get theirs too).
        var runs = SizeLine().Matches(output).Select(m => (m.Groups["provider"].Value, m.Groups["communities"].Value, m.Groups["errors"].Value)).ToList();
        runs.ShouldBe([("sqlite", "50", "0"), ("sqlite", "100", "0"), ("postgres", "50", "0"), ("postgres", "100", "0")], output);
        SizeLine().Matches(output).ShouldAllBe(m => int.Parse(m.Groups["recipients"].Value) >= int.Parse(m.Groups["communities"].Value) / 10);
        GrowthLine().Matches(output).Count.ShouldBe(2, output);
    }

    [GeneratedRegex(@"provider=(?<provider>\w+) communities=(?<communities>\d+) seed=[0-9.]+s rows=\d+ recipients=(?<recipients>\d+) cards=\d+ first=[0-9.]+s seconds=[0-9.]+ peakWorkingSet=\d+MB gcHeapPeak=\d+MB gcAllocated=\d+MB errors=(?<errors>\d+)")]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"growth 100/50: size x2\.0, time x[0-9.]+")]
    private static partial Regex GrowthLine();
}
