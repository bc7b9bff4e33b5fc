using CommunityBot.Agreements;
using CommunityBot.Bot.Understanding;
using CommunityBot.Communities;
using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Bot.Understanding;

/// <summary>Typos, greetings and "klaar" through the real host and the strict fake Teams.</summary>
public sealed class UnderstandingConversationTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(5);

    private static async Task RemindedAsync(BotApplication app, CommunityBot.Tests.Agreements.AgreementWorld world, int count)
    {
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        // The outbox paces sends by the fake clock. Proactive messages open the 1:1 chat through the connector, which
        // the fake names apart from the chat Megan types in.
        await app.AdvanceUntilAsync(() => app.Connector.SentActivities.Count(r => r.ConversationId?.Contains(Megan.Id, StringComparison.Ordinal) == true) >= count, Step, Within);
    }

    [Fact]
    public async Task A_did_you_mean_button_runs_the_command_and_the_card_says_what_was_chosen()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("comunty", Megan));
        var asked = LastCardTo(app, Megan);
        asked.ShouldContain("Bedoelde je …?");
        asked.ShouldContain(UnderstandingCards.ChooseVerb);
        asked.ShouldContain("\"title\":\"community\"");

        var sentBefore = app.Connector.SentActivities.Count;
        var chosen = CardJson(await app.InvokeAsync(app.Teams.Execute(UnderstandingCards.ChooseVerb, new CommandChoice("community", ""), "card-1", Megan)));

        chosen.ShouldContain("✓ community");
        chosen.ShouldNotContain(UnderstandingCards.ChooseVerb);
        app.Connector.SentActivities.Count.ShouldBe(sentBefore + 1);
        LastCardTo(app, Megan).ShouldContain("Wiskunde eerste graad");
    }

    [Theory]
    [InlineData("""{"trigger":"rm -rf","arguments":""}""")]
    [InlineData("""{"trigger":"help","arguments":null}""")]
    [InlineData("""{"trigger":42}""")]
    [InlineData("""["help"]""")]
    public async Task A_forged_choice_is_answered_politely_and_runs_nothing(string data)
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.InvokeAsync(app.Teams.Execute(UnderstandingCards.ChooseVerb, Json(data), "card-1"));

        response.StatusCode.ShouldBe(200);
        MessageText(response).ShouldStartWith("Dat begrijp ik niet helemaal");
        app.Connector.SentActivities.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_clear_typo_runs_the_command_at_once()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("volgnde sessie", Megan));

        LastCardTo(app, Megan).ShouldContain("maandag 23 maart");
    }

    [Fact]
    public async Task Text_not_understood_offers_the_nearest_commands_as_buttons()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("sessi overzicht graag nu meteen alstublieft", Megan));

        var card = ConversationTests.CardJson((await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10)))[^1].Activity!);
        card.ShouldContain("Dat begrijp ik niet helemaal.");
        card.ShouldContain("Bedoelde je misschien een van deze?");
        card.ShouldContain("\"title\":\"sessies\"");
    }

    [Fact]
    public async Task Greetings_offer_what_each_role_can_do_now()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await app.QueryAsync(async db =>
        {
            var tom = await db.Memberships.SingleAsync(m => m.PersonId == world.Id(Tom));
            tom.Role = CommunityRole.Leader;
            return await db.SaveChangesAsync();
        });
        await app.DeliveryIdleAsync();

        await app.PostAsync(app.Teams.Message("hallo", Megan));
        var member = LastCardTo(app, Megan);
        await app.PostAsync(app.Teams.Message("goedemorgen", Adele));
        var memberWithNothingOpen = LastCardTo(app, Adele);
        await app.PostAsync(app.Teams.Message("hoi", Coach));
        var coach = LastCardTo(app, Coach);
        await app.PostAsync(app.Teams.Message("bedankt!", Tom));
        var leader = LastCardTo(app, Tom);
        await app.PostAsync(app.Teams.Message("hello", Outsider, locale: "en-US"));
        var outsider = LastCardTo(app, Outsider);

        member.ShouldContain("Hallo Megan!");
        Titles(member).ShouldBe(["mijn afspraken", "volgende sessie"]);
        Titles(memberWithNothingOpen).ShouldBe(["volgende sessie"]);
        Titles(coach).ShouldBe(["afspraken noteren", "open afspraken", "volgende sessie"]);
        leader.ShouldContain("Graag gedaan!");
        Titles(leader).ShouldBe(["digest nu", "volgende sessie"]);
        outsider.ShouldContain("Hello Olivia!");
        Titles(outsider).ShouldBe(["help"]);

        // A greeting's button runs its command like a typed one.
        var pressed = await app.InvokeAsync(app.Teams.Execute(UnderstandingCards.ChooseVerb, new CommandChoice("mijn afspraken", ""), "card-2", Megan));
        CardJson(pressed).ShouldContain("✓ mijn afspraken");
        LastCardTo(app, Megan).ShouldContain("Lesvoorbereiding H3 afwerken");
    }

    [Fact]
    public async Task Klaar_right_after_a_reminder_marks_it_done_and_the_reminder_card_shows_it()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await RemindedAsync(app, world, 1);
        var reminder = (await world.OutboxAsync()).Single(m => m.Purpose == "reminder" && m.PersonId == world.Id(Megan));
        reminder.ActivityId.ShouldNotBeNull();

        await app.PostAsync(app.Teams.Message("klaar", Megan));
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        LastTextTo(app, Megan).ShouldBe("✓ Gemarkeerd als klaar: Lesvoorbereiding H3 afwerken");
        var owner = await app.QueryAsync(db => db.Agreements.SelectMany(a => a.Owners).SingleAsync(o => o.PersonId == world.Id(Megan)));
        owner.Status.ShouldBe(AgreementStatus.Done);
        app.Connector.Requests.ShouldContain(r => r.Operation == FakeConnectorOperation.UpdateActivity && r.ActivityId == reminder.ActivityId);
        var shown = app.Connector.ActivitiesIn(reminder.SentConversationId!)[reminder.ActivityId!];
        var card = Readable(shown.Attachments![0].Content!.Value.GetRawText());
        card.ShouldContain("✓ Klaar", customMessage: card);
        card.ShouldNotContain(AgreementVerbs.Answer, customMessage: card);
    }

    [Fact]
    public async Task Klaar_after_several_reminders_asks_which_and_a_number_picks_one()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await world.RecordViaCardAsync("Review", "Het artikel van Hattie lezen", $"{world.Id(Megan)}");
        await RemindedAsync(app, world, 2);

        await app.PostAsync(app.Teams.Message("klaar", Megan));
        var which = LastCardTo(app, Megan);
        which.ShouldContain("Welke afspraak is klaar?");
        which.ShouldContain("1. Lesvoorbereiding H3 afwerken");
        which.ShouldContain("2. Het artikel van Hattie lezen");
        (await OwnStatusesAsync(app, world)).ShouldAllBe(s => s == AgreementStatus.Open);

        await app.PostAsync(app.Teams.Message("done 2", Megan));

        LastTextTo(app, Megan).ShouldBe("✓ Gemarkeerd als klaar: Het artikel van Hattie lezen");
        (await OwnStatusesAsync(app, world)).ShouldBe([AgreementStatus.Open, AgreementStatus.Done]);
    }

    [Fact]
    public async Task Ik_heb_het_artikel_gelezen_offers_the_one_agreement_it_fits_without_marking_it()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await world.RecordViaCardAsync("Review", "Het artikel van Hattie lezen", $"{world.Id(Megan)}");

        await app.DeliveryIdleAsync();
        await app.PostAsync(app.Teams.Message("Ik heb het artikel gelezen", Megan));

        var offer = LastCardTo(app, Megan);
        offer.ShouldContain("Markeer als klaar: Het artikel van Hattie lezen?");
        offer.ShouldContain(AgreementVerbs.Answer);
        (await OwnStatusesAsync(app, world)).ShouldAllBe(s => s == AgreementStatus.Open);

        await app.PostAsync(app.Teams.Message("ik heb mijn werk gelezen", Megan));
        LastCardTo(app, Megan).ShouldContain("Lesvoorbereiding H3 afwerken", customMessage: "no agreement fits: the list");
    }

    [Fact]
    public async Task A_date_typed_after_plan_session_fills_in_the_form()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("sesie plannen volgende woensdag om 15u30", Coach));

        var form = LastCardTo(app, Coach);
        form.ShouldContain("\"value\":\"2026-03-04\"");
        form.ShouldContain("\"value\":\"15:30\"");
    }

    private static Task<List<AgreementStatus>> OwnStatusesAsync(BotApplication app, CommunityBot.Tests.Agreements.AgreementWorld world) =>
        app.QueryAsync(db => db.Agreements.OrderBy(a => a.Id).SelectMany(a => a.Owners).Where(o => o.PersonId == world.Id(Megan)).Select(o => o.Status).ToListAsync());

    /// <summary>The last card the bot wrote in someone's personal chat (the outbox may write to the channel in between).</summary>
    private static string LastCardTo(BotApplication app, CommunityBot.Teams.Schema.ChannelAccount user) =>
        Readable(app.Connector.SentActivities.Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(user) && a.Activity?.Attachments is { Count: > 0 })
            .Activity!.Attachments![0].Content!.Value.GetRawText());

    private static string LastTextTo(BotApplication app, CommunityBot.Teams.Schema.ChannelAccount user) =>
        app.Connector.SentActivities.Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(user) && a.Activity?.Text is not null).Activity!.Text!;

    private static List<string> Titles(string card) =>
        [.. System.Text.Json.JsonDocument.Parse(card).RootElement.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "ActionSet")
            .SelectMany(e => e.GetProperty("actions").EnumerateArray()).Select(a => a.GetProperty("title").GetString()!)];
}
