using System.IO.Compression;
using System.Text.Json.Nodes;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Shipping;

/// <summary>The Teams app package: what scripts/package-app.sh writes, checked as Teams would check it, offline.</summary>
public sealed class AppPackageTests
{
    [Fact]
    public void The_package_holds_the_filled_manifest_both_icons_and_the_english_strings_at_its_root()
    {
        var (zip, unpacked) = PackagingCommand.PackageFromOutputs(PackagingCommand.Outputs(PackagingCommand.AppId, PackagingCommand.Domain));

        using (var archive = ZipFile.OpenRead(zip))
        {
            archive.Entries.Select(e => e.FullName).Order().ShouldBe(["color.png", "en.json", "manifest.json", "outline.png"]);
        }
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(unpacked, "manifest.json")))!;
        ((string)manifest["id"]!).ShouldBe(PackagingCommand.AppId);
        ((string)manifest["bots"]![0]!["botId"]!).ShouldBe(PackagingCommand.AppId);
        ((string)manifest["webApplicationInfo"]!["id"]!).ShouldBe(PackagingCommand.AppId);
        ((string)manifest["webApplicationInfo"]!["resource"]!).ShouldBe($"api://botid-{PackagingCommand.AppId}");
        manifest["validDomains"]!.AsArray().Select(d => (string)d!).ShouldBe([PackagingCommand.Domain]);
        ((string)manifest["version"]!).ShouldBe("1.2.3");
        ((string)manifest["developer"]!["name"]!).ShouldBe("Scholengroep Sint-Jozef");
        ((string)manifest["localizationInfo"]!["defaultLanguageTag"]!).ShouldBe("nl-BE");
        manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string)s!).ShouldBe(["personal", "team", "groupChat"]);
        File.ReadAllText(Path.Combine(unpacked, "en.json")).ShouldNotContain("${{");
    }

    [Fact]
    public void The_filled_manifest_and_its_english_strings_pass_the_official_schema_of_their_manifest_version()
    {
        var (_, unpacked) = PackagingCommand.PackageFromOutputs(PackagingCommand.Outputs(PackagingCommand.AppId, PackagingCommand.Domain));

        var (exitCode, stdout, stderr) = Validate(unpacked);

        exitCode.ShouldBe(0, stdout + stderr);
        stdout.ShouldContain("\"manifestVersion\":\"1.29\"");
    }

    [Fact]
    public void The_schema_check_refuses_a_manifest_Teams_would_refuse()
    {
        var (_, unpacked) = PackagingCommand.PackageFromOutputs(PackagingCommand.Outputs(PackagingCommand.AppId, PackagingCommand.Domain));
        var path = Path.Combine(unpacked, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("meeting");
        File.WriteAllText(path, manifest.ToJsonString());
        File.WriteAllText(Path.Combine(unpacked, "en.json"), """{ "bots[0].commandLists[5].commands[0].title": "help" }""");

        var (exitCode, stdout, _) = Validate(unpacked);

        exitCode.ShouldBe(1);
        stdout.ShouldContain("manifest.json/bots/0/scopes");
        stdout.ShouldContain("en.json: bots[0].commandLists[5].commands[0].title names nothing in manifest.json");
    }

    [Fact]
    public void Both_icons_have_the_size_Teams_asks_and_the_outline_is_white_on_transparent()
    {
        var manifestFolder = Path.Combine(NodeTools.RepositoryRoot, "manifest");
        var color = PngImage.Read(File.ReadAllBytes(Path.Combine(manifestFolder, "color.png")));
        var outline = PngImage.Read(File.ReadAllBytes(Path.Combine(manifestFolder, "outline.png")));

        (color.Width, color.Height).ShouldBe((192, 192));
        color.Pixels().ShouldAllBe(p => p.A == 255, "the colour icon is full colour, without transparent holes");
        color.Pixels().Select(p => (p.R, p.G, p.B)).Distinct().Count().ShouldBeGreaterThan(2, "the colour icon is drawn, not one flat colour");

        (outline.Width, outline.Height).ShouldBe((32, 32));
        outline.HasAlpha.ShouldBeTrue();
        outline.Pixels().ShouldAllBe(p => p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255), "every visible pixel of the outline icon is white");
        outline.Pixels().Count(p => p.A == 0).ShouldBeGreaterThan(32 * 32 / 3, "the outline icon's background is transparent");
        outline.Pixels().Count(p => p.A == 255).ShouldBeGreaterThan(32 * 32 / 10, "the outline icon shows its drawing");
        (outline.Pixel(0, 0).A, outline.Pixel(31, 0).A).ShouldBe(((byte)0, (byte)0));
    }

    [Fact]
    public void Explicit_values_win_over_the_deployment_outputs()
    {
        var folder = Directory.CreateTempSubdirectory("communitybot-package-").FullName;
        var outputs = Path.Combine(folder, "outputs.json");
        File.WriteAllText(outputs, PackagingCommand.Outputs(PackagingCommand.AppId, PackagingCommand.Domain));
        var zip = Path.Combine(folder, "app.zip");

        var (exitCode, stdout, stderr) = PackagingCommand.Run(
            ["--outputs", outputs, "--domain", "bot.sint-jozef.example", .. PackagingCommand.PublisherOptions, "--out", zip]);

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldContain("https://bot.sint-jozef.example/api/messages");
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        manifest["validDomains"]!.AsArray().Select(d => (string)d!).ShouldBe(["bot.sint-jozef.example"]);
        ((string)manifest["id"]!).ShouldBe(PackagingCommand.AppId);
    }

    [Fact]
    public void Wrong_values_are_all_named_and_no_package_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("communitybot-package-").FullName;
        var zip = Path.Combine(folder, "app.zip");

        var (exitCode, _, stderr) = PackagingCommand.Run(
            ["--app-id", "not-a-guid", "--domain", "https://bot.example/api", "--version", "1.0", "--publisher", "S",
             "--website", "http://insecure.example", "--privacy", "https://p.example", "--terms", "https://t.example", "--out", zip]);

        exitCode.ShouldBe(2);
        stderr.ShouldContain("--app-id");
        stderr.ShouldContain("--domain");
        stderr.ShouldContain("--version");
        stderr.ShouldContain("--website");
        stderr.ShouldNotContain("--privacy");
        File.Exists(zip).ShouldBeFalse();
    }

    private static (int ExitCode, string Stdout, string Stderr) Validate(string unpacked) =>
        NodeTools.Run("node", [Path.Combine(NodeTools.Locate(), "validate-manifest.js"), unpacked], NodeTools.RepositoryRoot);
}
