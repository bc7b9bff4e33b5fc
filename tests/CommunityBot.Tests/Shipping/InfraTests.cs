using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityBot.Storage;
using CommunityBot.Teams;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Shipping;

/// <summary>infra/ compiles and lints offline without a diagnostic, and configures the app by the names the app reads.</summary>
public sealed partial class InfraTests
{
    // Secrets of the sample parameters come from the environment (main.bicepparam); these are long enough to pass.
    private static readonly Dictionary<string, string> SampleSecrets = new()
    {
        ["COMMUNITYBOT_BOT_APP_PASSWORD"] = new string('b', 40),
        ["COMMUNITYBOT_PSEUDONYM_SECRET"] = new string('p', 40),
        ["COMMUNITYBOT_POSTGRES_PASSWORD"] = new string('d', 20),
    };

    // One compile of main.bicep for the tests that read it: the compiler takes seconds.
    private static readonly Lazy<(int ExitCode, string Output)> MainBuild = new(() => BicepCompiler.Run("build", "main.bicep", "--stdout"));

    [Fact]
    public void The_templates_build_and_lint_without_errors_or_warnings()
    {
        var (buildExit, build) = MainBuild.Value;
        var (lintExit, lint) = BicepCompiler.Run("lint", "main.bicep");

        buildExit.ShouldBe(0, build);
        lintExit.ShouldBe(0, lint);
        BicepCompiler.Diagnostics(build).ShouldBeEmpty();
        BicepCompiler.Diagnostics(lint).ShouldBeEmpty();
    }

    [Fact]
    public void The_sample_parameters_build_and_lint_with_the_secrets_from_the_environment()
    {
        foreach (var (name, value) in SampleSecrets)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var (buildExit, build) = BicepCompiler.Run("build-params", "main.bicepparam", "--stdout");
        var (lintExit, lint) = BicepCompiler.Run("lint", "main.bicepparam");

        buildExit.ShouldBe(0, build);
        lintExit.ShouldBe(0, lint);
        BicepCompiler.Diagnostics(build).ShouldBeEmpty();
        BicepCompiler.Diagnostics(lint).ShouldBeEmpty();
        File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot, "infra", "main.bicepparam")).ShouldNotContain(SampleSecrets.Values.First());
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_two_or_more_instances_and_checks_the_readiness_endpoint()
    {
        var template = Compiled();
        var site = Resources(template).Single(r => (string?)r["type"] == "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        ((string)config["linuxFxVersion"]!).ShouldBe("DOTNETCORE|10.0");
        ((string)config["healthCheckPath"]!).ShouldBe("/health/ready");
        ((bool)config["alwaysOn"]!).ShouldBeTrue();
        ((string)config["minTlsVersion"]!).ShouldBe("1.2");
        ((string)config["ftpsState"]!).ShouldBe("Disabled");
        ((bool)site["properties"]!["httpsOnly"]!).ShouldBeTrue();
        var instances = Parameters(template).Single(p => p.Key == "instanceCount").Value!;
        ((int)instances["minValue"]!).ShouldBe(2);
        ((int)instances["defaultValue"]!).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_health_check_path_is_the_app_s_readiness_endpoint()
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public void Every_app_setting_the_templates_give_is_a_setting_the_app_reads()
    {
        var sections = typeof(StorageOptions).Assembly.GetTypes().Concat(typeof(BotOptions).Assembly.GetTypes())
            .Select(type => (type, field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.field is { IsLiteral: true })
            .ToDictionary(t => (string)t.field!.GetRawConstantValue()!, t => t.type);
        var main = File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot, "infra", "main.bicep"));
        var settings = AppSetting().Matches(main).Select(m => (Section: m.Groups["section"].Value, Key: m.Groups["key"].Value)).ToList();

        settings.Select(s => s.Section).Distinct().Order().ShouldBe(["AzureAd", "Bot", "CheckIns", "Delivery", "Graph", "Hangfire", "Storage"]);
        var unknown = settings.Where(s => s.Section == "AzureAd"
            ? !MicrosoftIdentityWebSettings.Contains(s.Key)
            : !sections.TryGetValue(s.Section, out var options) || options.GetProperty(s.Key) is null);
        unknown.ShouldBeEmpty();
    }

    // The section Microsoft.Identity.Web reads for the admin sign-in (README: Configuration); it has no options class here.
    private static readonly string[] MicrosoftIdentityWebSettings = ["Instance", "TenantId", "ClientId", "Audience"];

    private static JsonNode Compiled()
    {
        var (exitCode, output) = MainBuild.Value;
        exitCode.ShouldBe(0, output);
        return JsonNode.Parse(output[output.IndexOf('{')..])!;
    }

    // Resources of the template and of every module it nests, as compiled.
    private static IEnumerable<JsonNode> Resources(JsonNode template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!),
            JsonObject named => named.Select(r => r.Value!),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is { } nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Parameters(JsonNode template) => template["parameters"]!.AsObject();

    // An app setting's name in an object literal: Section__Key (or Section__Key__0 for an array) before its colon.
    [GeneratedRegex(@"(?<![\w.])(?<section>[A-Za-z]+)__(?<key>[A-Za-z]+)(__\d+)?\s*:")]
    private static partial Regex AppSetting();
}
