using System.Text.Json.Nodes;
using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Shipping;

/// <summary>
/// The commands Teams offers in its command menu (manifest/manifest.json in Dutch, manifest/en.json in English) are
/// real: each title starts a command the host registers, and each description is that command's line on the help card.
/// </summary>
public sealed class ManifestCommandTests
{
    // Teams shows at most 10 commands per list, titles up to 32 and descriptions up to 128 characters.
    private const int MaxCommands = 10;
    private const int MaxTitle = 32;
    private const int MaxDescription = 128;

    [Fact]
    public async Task Every_command_in_the_Teams_menu_is_a_registered_command_described_as_on_the_help_card_in_Dutch_and_English()
    {
        await using var app = await BotApplication.StartAsync();
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetServices<IBotCommand>().ToList();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot, "manifest", "manifest.json")))!;
        var english = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot, "manifest", "en.json")))!.AsObject();
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();

        var problems = new List<string>();
        for (var l = 0; l < lists.Count; l++)
        {
            var menu = lists[l]!["commands"]!.AsArray();
            menu.Count.ShouldBeInRange(1, MaxCommands);
            for (var c = 0; c < menu.Count; c++)
            {
                var key = $"bots[0].commandLists[{l}].commands[{c}]";
                problems.AddRange(Check(commands, Language.Dutch, key, (string)menu[c]!["title"]!, (string)menu[c]!["description"]!));
                problems.AddRange(Check(commands, Language.English, key, (string?)english[key + ".title"], (string?)english[key + ".description"]));
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_personal_menu_and_the_team_and_group_chat_menu_cover_the_three_scopes_the_bot_is_installed_in()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot, "manifest", "manifest.json")))!;
        var bot = manifest["bots"]![0]!;
        var scopes = bot["scopes"]!.AsArray().Select(s => (string)s!).ToList();
        var listed = bot["commandLists"]!.AsArray().SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string)s!)).ToList();

        scopes.ShouldBe(["personal", "team", "groupChat"]);
        listed.Order().ShouldBe(scopes.Order());
    }

    private static IEnumerable<string> Check(List<IBotCommand> commands, Language language, string key, string? title, string? description)
    {
        if (title is null || description is null)
        {
            yield return $"{key} has no {language} title or description";
            yield break;
        }
        if (title.Length > MaxTitle || description.Length > MaxDescription)
        {
            yield return $"{key} ({language}) is longer than Teams shows: title {title.Length}/{MaxTitle}, description {description.Length}/{MaxDescription}";
        }
        var command = commands.FirstOrDefault(c => c.Triggers.Contains(title.ToLowerInvariant()));
        var help = command?.Help(language);
        if (help is null)
        {
            yield return $"{key} ({language}): \"{title}\" is not a trigger of a registered command with a help line";
        }
        else if (help.What != description)
        {
            yield return $"{key} ({language}): \"{title}\" must be described as on the help card: \"{help.What}\" (not \"{description}\")";
        }
        else if (help.Audience == CommandAudience.Development)
        {
            yield return $"{key} ({language}): \"{title}\" is a development aid, not for Teams' menu";
        }
    }
}
