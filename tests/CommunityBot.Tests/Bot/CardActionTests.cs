using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Bot;

public sealed class CardActionTests
{
    private const string WelcomeCardId = "welcome-card-1";

    [Fact]
    public async Task Pressing_the_language_button_answers_with_the_welcome_card_redrawn_in_English()
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.InvokeAsync(app.Teams.Execute(BotVerbs.SetLanguage,
            new LanguageChoice("en", BotCards.WelcomeCardName, InTeam: false), WelcomeCardId));

        response.StatusCode.ShouldBe(200);
        response.Type.ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = response.Value!.Value.GetRawText();
        card.ShouldContain("Welcome to CommunityBot");
        card.ShouldContain("Schakel naar Nederlands");
        (await app.QueryAsync(db => db.People.SingleAsync())).Language.ShouldBe(Language.English);
        app.Connector.SentActivities.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pressing_what_can_you_do_turns_the_welcome_card_into_the_help_card()
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.InvokeAsync(app.Teams.Execute(BotVerbs.ShowHelp,
            new CardRef(BotCards.WelcomeCardName, InTeam: false), WelcomeCardId));

        response.Value!.Value.GetRawText().ShouldContain("Wat ik voor je kan doen");
    }

    [Fact]
    public async Task A_button_press_Teams_delivers_twice_changes_once_and_gets_the_same_card_back()
    {
        await using var app = await BotApplication.StartAsync();
        var press = app.Teams.Execute(BotVerbs.SetLanguage, new LanguageChoice("en", BotCards.WelcomeCardName, false), WelcomeCardId);

        var first = await app.InvokeAsync(press);
        await app.PostAsync(app.Teams.Message("taal nl"));
        var second = await app.InvokeAsync(press);

        second.Value!.Value.GetRawText().ShouldBe(first.Value!.Value.GetRawText());
        (await app.QueryAsync(db => db.People.SingleAsync())).Language.ShouldBe(Language.Dutch);
    }

    [Fact]
    public async Task An_unknown_button_gets_a_polite_message_instead_of_an_error()
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.InvokeAsync(app.Teams.Execute("no.such.verb", new { }, WelcomeCardId));

        response.StatusCode.ShouldBe(200);
        response.Type.ShouldBe("application/vnd.microsoft.activity.message");
        response.Value!.Value.GetString().ShouldBe("Deze knop werkt niet meer. Typ 'help' om verder te gaan.");
    }

    [Fact]
    public async Task A_forged_language_payload_is_refused_and_nothing_changes()
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.InvokeAsync(app.Teams.Execute(BotVerbs.SetLanguage, new { language = "xx", card = "welcome" }, WelcomeCardId));

        response.Type.ShouldBe("application/vnd.microsoft.activity.message");
        (await app.QueryAsync(db => db.People.SingleAsync())).LanguageChosen.ShouldBeFalse();
    }

    [Fact]
    public async Task An_Action_Submit_press_updates_the_card_through_the_connector()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.InstallPersonal());
        var welcome = (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single().Activity!;

        await app.PostAsync(app.Teams.Submit(BotVerbs.SetLanguage, new LanguageChoice("en", BotCards.WelcomeCardName, false), welcome.Id!));

        await app.Connector.WaitUntilAsync(() => app.Connector.Requests.Any(r => r.Method == "PUT"), TimeSpan.FromSeconds(10));
        var update = app.Connector.Requests.Single(r => r.Method == "PUT");
        update.ActivityId.ShouldBe(welcome.Id);
        ConversationTests.CardJson(update.Activity!).ShouldContain("Welcome to CommunityBot");
    }

    [Fact]
    public void Every_card_the_bot_itself_sends_is_valid_for_the_official_renderer()
    {
        var commands = new[] { new CommandHelp("help", "dit overzicht"), new CommandHelp("taal en / taal nl", "Engels of Nederlands") };
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var inTeam in new[] { false, true })
            {
                cards[$"welcome {language} team={inTeam}"] = BotCards.Welcome(language, inTeam);
                cards[$"help {language} team={inTeam}"] = BotCards.Help(language, commands, inTeam);
            }
        }

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
    }
}
