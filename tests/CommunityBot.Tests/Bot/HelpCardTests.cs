using System.Text.Json;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Bot;

/// <summary>
/// The help card shows each person what they can do where they typed: the commands of their roles, grouped by what they
/// do, with examples; never another role's commands.
/// </summary>
public sealed class HelpCardTests
{
    private static readonly string[] MemberCommands = ["mijn afspraken", "mijn check-ins", "pauze [tot 15/3] [reden]"];
    private static readonly string[] CoachCommands = ["afspraken noteren", "afspraak <soort> @wie: wat", "open afspraken", "aanwezigheid", "sessie plannen", "check-in resultaten"];
    private static readonly string[] DigestCommands = ["digest nu / uit / aan"];
    private static readonly string[] CoachTheCoachCommands = ["intervisie plannen"];
    private static readonly string[] IntervisionGroup = ["intervisiegroep"];
    private static readonly string[] CommunityCommands = ["volgende sessie", "sessies", "gemeenschap"];

    public static TheoryData<string, string[], string[]> Roles() => new()
    {
        { "teacher", [.. MemberCommands, .. CommunityCommands, "ik kan niet komen", "Je afspraken", "Kritisch bespreken"], [.. CoachCommands, .. DigestCommands, .. CoachTheCoachCommands, .. IntervisionGroup, "Als coach"] },
        { "coach", [.. CoachCommands, .. DigestCommands, .. CommunityCommands, "ik kan niet komen", "Als coach", "Materiaal aanbrengen", "bv. afspraak afwerken @Megan: toets H3"], [.. MemberCommands, .. CoachTheCoachCommands, .. IntervisionGroup] },
        { "leader", [.. DigestCommands, .. CommunityCommands, "Je weekoverzicht"], [.. MemberCommands, .. CoachCommands, .. CoachTheCoachCommands, .. IntervisionGroup, "ik kan niet komen", "Drie soorten afspraken:"] },
        { "coach-the-coach", [.. CoachTheCoachCommands, .. IntervisionGroup, .. DigestCommands, "afspraken noteren", "check-in resultaten"], [.. MemberCommands, "ik kan niet komen"] },
        { "admin", [.. IntervisionGroup, "afspraken noteren", "aanwezigheid", "gemeenschap"], [.. MemberCommands, .. DigestCommands, .. CoachTheCoachCommands, "check-in resultaten", "ik kan niet komen"] },
        { "no community", ["help", "taal en / taal nl", "Je zit nog in geen leergemeenschap"], [.. MemberCommands, .. CoachCommands, .. DigestCommands, .. CoachTheCoachCommands, .. IntervisionGroup, .. CommunityCommands, "Drie soorten afspraken:"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_help_card_shows_only_what_this_role_can_do(string role, string[] present, string[] absent)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var who = await AsRoleAsync(world, role);

        await app.PostAsync(app.Teams.Message("help", who));

        var card = await HelpCardAsync(app, who);
        AssertValid(card, $"help-{role}");
        var json = Readable(card.GetRawText());
        foreach (var text in present)
        {
            json.ShouldContain($"\"{text}", customMessage: $"{role} should see '{text}'");
        }
        foreach (var text in absent)
        {
            json.ShouldNotContain($"\"{text}\"", customMessage: $"{role} should not see '{text}'");
        }
        // The development aids, because the test host runs in Development.
        json.ShouldContain("\"spoel <n> dagen/uur door\"");
    }

    [Fact]
    public async Task Every_command_stands_on_one_line_and_the_card_is_in_English_for_an_English_coach()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("help", Coach, locale: "en-US"));

        var card = await HelpCardAsync(app, Coach);
        AssertValid(card, "help-coach-en");
        var json = Readable(card.GetRawText());
        json.ShouldContain("\"As coach\"");
        json.ShouldContain("\"agreement <kind> @who: what\"");
        json.ShouldContain("\"e.g. agreement finish @Megan: unit 3 test\"");
        json.ShouldContain("\" – material the group discusses next time");
        // A command never wraps on a phone: each is a text of its own that does not wrap.
        foreach (var command in new[] { "record agreements", "agreement <kind> @who: what", "plan session", "digest now / off / on" })
        {
            TextBlock(card, command).GetProperty("wrap").GetBoolean().ShouldBeFalse();
        }
    }

    [Fact]
    public async Task In_a_channel_the_card_shows_the_roles_in_that_teams_community()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        // Megan coaches another community (without a team); in this team's channel she is a teacher.
        await app.QueryAsync(async db =>
        {
            var other = new Community { TenantId = TeamsActivities.TenantId, Name = "Nederlands", CreatedAt = app.Clock.GetUtcNow() };
            db.Communities.Add(other);
            await db.SaveChangesAsync();
            db.Memberships.Add(new Membership { CommunityId = other.Id, PersonId = world.Id(Megan), Role = CommunityRole.Coach, JoinedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        await app.PostAsync(app.Teams.ChannelMention("help", Megan));
        var channelCard = Readable((await LastCardInAsync(app, TeamsActivities.TeamId)).GetRawText());
        channelCard.ShouldContain("\"mijn afspraken\"");
        channelCard.ShouldNotContain("\"afspraken noteren\"");

        await app.PostAsync(app.Teams.Message("help", Megan));
        var personal = Readable((await HelpCardAsync(app, Megan)).GetRawText());
        personal.ShouldContain("\"afspraken noteren\"");
        personal.ShouldContain("\"mijn afspraken\"");
    }

    /// <summary>Makes the world's people the role a test asks for, and returns who types.</summary>
    private static async Task<ChannelAccount> AsRoleAsync(AgreementWorld world, string role)
    {
        async Task SetRoleAsync(ChannelAccount who, CommunityRole to) =>
            await world.App.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(who)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, to)));
        switch (role)
        {
            case "teacher":
                return Megan;
            case "coach":
                return Coach;
            case "leader":
                await SetRoleAsync(Tom, CommunityRole.Leader);
                return Tom;
            case "coach-the-coach":
                await SetRoleAsync(Adele, CommunityRole.CoachTheCoach);
                return Adele;
            case "admin":
                await world.App.QueryAsync(db => db.People.Where(p => p.Id == world.Id(Outsider)).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsTenantAdmin, true)));
                return Outsider;
            default:
                return Outsider;
        }
    }

    private static Task<JsonElement> HelpCardAsync(BotApplication app, ChannelAccount who) => LastCardInAsync(app, TeamsActivities.PersonalChatOf(who));

    private static async Task<JsonElement> LastCardInAsync(BotApplication app, string conversationId)
    {
        bool IsCard(FakeConnectorRequest a) => a.ConversationId == conversationId && a.Activity?.Attachments is { Count: > 0 };
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(IsCard), TimeSpan.FromSeconds(10));
        return app.Connector.SentActivities.Last(IsCard).Activity!.Attachments!.Single().Content!.Value;
    }

    private static void AssertValid(JsonElement card, string name) =>
        CardValidator.Validate(new Dictionary<string, JsonElement> { [name] = card }).Single().Value.ShouldBeEmpty();

    private static JsonElement TextBlock(JsonElement card, string text) =>
        Descendants(card).First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("text", out var t) && t.GetString() == text);

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
