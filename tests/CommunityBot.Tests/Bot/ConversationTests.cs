using System.Text.Json;
using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Bot;

public sealed class ConversationTests
{
    [Fact]
    public async Task Help_lists_every_command_on_a_card_in_the_members_language()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.Message("help"));

        var reply = (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single().Activity!;
        var card = CardJson(reply);
        card.ShouldContain("Wat ik voor je kan doen");
        card.ShouldContain("taal en / taal nl");
    }

    [Fact]
    public async Task Help_in_a_channel_works_after_an_at_mention()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.ChannelMention("hulp"));

        var sent = (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single();
        sent.ConversationId.ShouldBe(TeamsActivities.TeamId);
        CardJson(sent.Activity!).ShouldContain("Wat ik voor je kan doen");
    }

    [Fact]
    public async Task An_English_Teams_client_is_answered_in_English_until_the_member_chooses()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.Message("help", locale: "en-US"));

        CardJson((await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single().Activity!)
            .ShouldContain("What I can do for you");
    }

    [Fact]
    public async Task Language_command_switches_and_the_choice_is_remembered()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.Message("language en"));
        await app.PostAsync(app.Teams.Message("help"));

        var sent = await app.Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(10));
        sent[0].Activity!.Text.ShouldBe("I will speak English with you from now on.");
        CardJson(sent[1].Activity!).ShouldContain("What I can do for you");
        var person = await app.QueryAsync(db => db.People.SingleAsync());
        person.Language.ShouldBe(Language.English);
        person.LanguageChosen.ShouldBeTrue();
    }

    [Fact]
    public async Task Language_without_a_known_language_explains_how_to_use_it()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.Message("taal klingon"));

        (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single().Activity!.Text
            .ShouldBe("Typ 'taal nl' voor Nederlands of 'taal en' voor Engels.");
    }

    [Theory]
    [InlineData("zzz qqq")]
    [InlineData("")]
    [InlineData("<b>???</b>")]
    public async Task Text_the_bot_does_not_understand_gets_a_friendly_hint(string text)
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.PostAsync(app.Teams.Message(text));

        response.IsSuccessStatusCode.ShouldBeTrue();
        var card = CardJson((await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single().Activity!);
        card.ShouldContain("Dat begrijp ik niet helemaal.");
        card.ShouldContain("Typ 'help' om alles te zien wat ik kan.");
        card.ShouldContain("\"title\":\"help\"", customMessage: "someone in no community is offered help");
    }

    [Fact]
    public async Task A_message_Teams_delivers_twice_is_answered_once()
    {
        await using var app = await BotApplication.StartAsync();
        var message = app.Teams.Message("help");

        await app.PostAsync(message);
        await app.PostAsync(message);
        await app.PostAsync(app.Teams.Message("help"));

        await app.Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(10));
        app.Connector.SentActivities.Count.ShouldBe(2);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(2);
    }

    internal static string CardJson(Activity activity) =>
        JsonSerializer.Serialize(activity.Attachments.ShouldHaveSingleItem().Content, new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
}
