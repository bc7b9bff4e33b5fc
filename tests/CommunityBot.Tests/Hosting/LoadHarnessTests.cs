using System.Text.RegularExpressions;
using CommunityBot.Tests.Processes;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>Runs the load harness (tests/CommunityBot.LoadTests) with a short profile, so CI keeps it working and honest.</summary>
[Collection(PacedRunsCollection.Name)]
public sealed partial class LoadHarnessTests
{
    [Fact]
    public async Task Twenty_members_pressing_ten_times_each_get_every_answer_without_errors_and_every_press_is_stored()
    {
        var (exitCode, output, errors) = await SiblingProgram.RunAsync("CommunityBot.LoadTests", TimeSpan.FromMinutes(6),
            "--members", "20", "--presses", "10", "--profile", "saturation", "--providers", "sqlite");
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        // Speed is the long run's business (figures in the README): a shared machine's load would make a timing
        // assertion flaky. What must hold at any speed: no errors, and the database shows exactly what each press was
        // answered with (2 of the 5 presses of a round change the answer and 2 undo it, and the untimed warm-up round
        // adds 4 such changes per member; every message got its reply).
        exitCode.ShouldBe(0, output + errors);
        var bot = Run().Match(output);
        bot.Success.ShouldBeTrue(output);
        bot.Groups["errors"].Value.ShouldBe("0", output);
        var check = Checked().Match(output);
        check.Success.ShouldBeTrue(output);
        check.Groups["presses"].Value.ShouldBe("200");
        check.Groups["changes"].Value.ShouldBe("240");
        int.Parse(check.Groups["replies"].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        check.Groups["mismatches"].Value.ShouldBe("0", output);
        Startup().IsMatch(output).ShouldBeTrue(output);
    }

    [GeneratedRegex(@"^bot: requests=\d+ .* errors=(?<errors>\d+)", RegexOptions.Multiline)]
    private static partial Regex Run();

    [GeneratedRegex(@"checked: members=20 presses=(?<presses>\d+) changes=(?<changes>\d+) replies=(?<replies>\d+) mismatches=(?<mismatches>\d+)")]
    private static partial Regex Checked();

    [GeneratedRegex(@"host: start-up to ready=[0-9.]+s memory idle=\d+MB under-load-peak=\d+MB idle-cpu=")]
    private static partial Regex Startup();
}
