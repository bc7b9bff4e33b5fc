using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Localization;
using CommunityBot.SessionAttendance;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.SessionAttendance.AttendanceWorld;

namespace CommunityBot.Tests.SessionAttendance;

/// <summary>Regrets are between the member and the coach: the coach hears it 1:1 and in the briefing, the channel never.</summary>
public sealed class RegretTests
{
    [Theory]
    [InlineData(Language.Dutch, "Je bent afgemeld voor deze sessie", "Ik kom toch",
        "Megan Bowen kan niet komen naar de sessie van Wiskunde eerste graad op maandag 23 maart, 16:00. Reden: “Oudercontact op school” Dit bericht is alleen voor jou.",
        "Afgemeld voor deze sessie")]
    [InlineData(Language.English, "You sent regrets for this session", "I can come after all",
        "Megan Bowen can't come to the Wiskunde eerste graad session on Monday 23 March, 16:00. Reason: “Oudercontact op school” This is for you only.",
        "Sent regrets for this session")]
    public async Task Regrets_on_the_reminder_card_reach_the_coach_alone_and_the_briefing_shows_them_with_the_reason(
        Language language, string regretted, string takeBack, string toCoach, string briefingHeading)
    {
        var (app, world) = await AttendanceWorld.CreateAsync(language);
        await using var _ = app;
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var agreementId = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        var press = new Dictionary<string, object?>
        {
            ["sessionId"] = world.NextSessionId,
            ["view"] = RegretCardViews.Reminder,
            ["agreementId"] = agreementId,
            [RegretCard.ReasonInputId(world.NextSessionId)] = "Oudercontact op school",
        };

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, press, "card-2", Megan, Locale(language))));

        card.ShouldContain("Lesvoorbereiding H3 afwerken");
        card.ShouldContain(regretted);
        card.ShouldContain(takeBack);
        var stored = await app.QueryAsync(db => db.Regrets.SingleAsync());
        (stored.PersonId, stored.SessionId, stored.Reason).ShouldBe((world.Id(Megan), world.NextSessionId, "Oudercontact op school"));
        var notice = (await world.OutboxAsync()).Single(m => m.Purpose == "regrets");
        notice.PersonId.ShouldBe(world.Id(Coach));
        notice.Text.ShouldBe(toCoach);
        // A second tap (or the same press redelivered as a new activity) tells nobody again.
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, press, "card-3", Megan, Locale(language)));
        (await world.OutboxAsync()).Count(m => m.Purpose == "regrets").ShouldBe(1);

        await world.AtAsync<BriefingSweep>(BriefingMoment);
        var briefing = Shown((await world.OutboxAsync()).Single(m => m.Purpose == "briefing"));
        briefing.ShouldContain(briefingHeading);
        briefing.ShouldContain("Megan Bowen");
        briefing.ShouldContain("Oudercontact op school");
        (await ChannelMessagesAsync(world)).ShouldAllBe(m => m.Purpose == "agreement-summary" && !Shown(m).Contains("Oudercontact") && !Shown(m).Contains(briefingHeading));
    }

    [Theory]
    [InlineData(Language.Dutch, "ik kan niet komen", "ik kom toch", "Wiskunde eerste graad: sessie van maandag 23 maart, 16:00", "Afmelden",
        "Je bent afgemeld voor de sessie van maandag 23 maart, 16:00", "Je komt toch naar de sessie van maandag 23 maart, 16:00. De coach weet het.",
        "Adele Vance komt toch naar de sessie van Wiskunde eerste graad op maandag 23 maart, 16:00.")]
    [InlineData(Language.English, "I can't come", "I can come after all", "Wiskunde eerste graad: session of Monday 23 March, 16:00", "Send regrets",
        "You sent regrets for the session of Monday 23 March, 16:00", "You are coming to the session of Monday 23 March, 16:00 after all. The coach knows.",
        "Adele Vance can come to the Wiskunde eerste graad session on Monday 23 March, 16:00 after all.")]
    public async Task Regrets_sent_with_the_command_can_be_taken_back_with_the_command_and_the_coach_hears_both(
        Language language, string command, string comeAfterAll, string title, string send, string regretted, string backConfirmation, string backToCoach)
    {
        var (app, world) = await AttendanceWorld.CreateAsync(language);
        await using var _ = app;

        await app.PostAsync(app.Teams.Message(command, Adele, Locale(language)));
        var card = LastCardIn(app, Adele);
        card.ShouldContain(title);
        card.ShouldContain(send);
        card.ShouldContain(RegretCard.ReasonInputId(world.NextSessionId));
        var sent = CardJson(await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets,
            new RegretData(world.NextSessionId, RegretCardViews.Regrets), "card-2", Adele, Locale(language))));
        sent.ShouldContain(regretted);
        var notice = (await world.OutboxAsync()).Single(m => m.Purpose == "regrets");
        notice.PersonId.ShouldBe(world.Id(Coach));
        notice.Text!.ShouldNotContain(language == Language.English ? "Reason" : "Reden");

        await app.PostAsync(app.Teams.Message(comeAfterAll, Adele, Locale(language)));

        LastTextIn(app, Adele).ShouldBe(backConfirmation);
        (await app.QueryAsync(db => db.Regrets.CountAsync())).ShouldBe(0);
        var notices = (await world.OutboxAsync()).Where(m => m.Purpose == "regrets").ToList();
        notices.Count.ShouldBe(2);
        notices[1].PersonId.ShouldBe(world.Id(Coach));
        notices[1].Text.ShouldBe(backToCoach);
        (await ChannelMessagesAsync(world)).ShouldBeEmpty();
        await world.AtAsync<BriefingSweep>(BriefingMoment);
        Shown((await world.OutboxAsync()).Single(m => m.Purpose == "briefing")).ShouldNotContain("Adele Vance");
    }

    [Fact]
    public async Task A_reminder_after_regrets_says_so_to_that_owner_alone_and_its_button_takes_them_back()
    {
        var (app, world) = await AttendanceWorld.CreateAsync(Language.Dutch);
        await using var _ = app;
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var agreementId = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, new RegretData(world.NextSessionId, RegretCardViews.Regrets), "card-1", Megan));

        await world.AtAsync<ReminderSweep>(new DateTimeOffset(2026, 3, 16, 15, 0, 0, TimeSpan.Zero));

        var reminders = (await world.OutboxAsync()).Where(m => m.Purpose == "reminder").ToDictionary(m => m.PersonId!.Value, Shown);
        reminders[world.Id(Megan)].ShouldContain("Je bent afgemeld voor deze sessie");
        reminders[world.Id(Megan)].ShouldContain(AttendanceVerbs.TakeBackRegrets);
        reminders[world.Id(Adele)].ShouldNotContain("Je bent afgemeld");
        reminders[world.Id(Adele)].ShouldContain("Ik kan niet komen");
        CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Refresh, new RefreshData(agreementId), "card-2", Megan)))
            .ShouldContain("Je bent afgemeld voor deze sessie");

        var back = CardJson(await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.TakeBackRegrets,
            new RegretData(world.NextSessionId, RegretCardViews.Reminder, agreementId), "card-2", Megan)));

        back.ShouldContain("Lesvoorbereiding H3 afwerken");
        back.ShouldContain("Ik kan niet komen");
        back.ShouldNotContain("Je bent afgemeld");
        (await app.QueryAsync(db => db.Regrets.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Regrets_on_a_reminder_redraw_it_for_that_owner_with_their_own_answer_and_no_answer_buttons()
    {
        var (app, world) = await AttendanceWorld.CreateAsync(Language.Dutch);
        await using var _ = app;
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var agreementId = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(agreementId, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-2", Megan));

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets,
            new RegretData(world.NextSessionId, RegretCardViews.Reminder, agreementId), "card-2", Megan)));

        // Adele has not answered, so the agreement is still open: only Megan's own answer keeps the buttons away.
        card.ShouldContain("Jouw stand van zaken: ✓ Klaar");
        card.ShouldNotContain(AgreementVerbs.Answer);
        card.ShouldContain("Je bent afgemeld voor deze sessie");
    }

    [Fact]
    public async Task Taking_regrets_back_on_the_card_offers_to_send_them_again()
    {
        var (app, world) = await AttendanceWorld.CreateAsync(Language.Dutch);
        await using var _ = app;
        var data = new RegretData(world.NextSessionId, RegretCardViews.Regrets);
        await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, data, "card-1", Tom));

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.TakeBackRegrets, data, "card-1", Tom)));

        card.ShouldContain("Je komt toch naar de sessie van maandag 23 maart, 16:00");
        card.ShouldContain(AttendanceVerbs.SendRegrets);
        (await app.QueryAsync(db => db.Regrets.CountAsync())).ShouldBe(0);
        (await world.OutboxAsync()).Count(m => m.Purpose == "regrets" && m.PersonId == world.Id(Coach)).ShouldBe(2);
    }

    [Fact]
    public async Task Someone_outside_the_community_or_a_session_already_held_gets_a_polite_refusal_and_nothing_is_stored()
    {
        var (app, world) = await AttendanceWorld.CreateAsync(Language.Dutch);
        await using var _ = app;

        var outsider = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, new RegretData(world.NextSessionId, RegretCardViews.Regrets), "card-1", Outsider));
        var past = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, new RegretData(world.HeldSessionId, RegretCardViews.Regrets), "card-1", Megan));
        var unknown = await app.InvokeAsync(app.Teams.Execute(AttendanceVerbs.SendRegrets, new RegretData(987654, RegretCardViews.Regrets), "card-1", Megan));

        MessageText(outsider).ShouldBe("Die sessie ken ik niet, of ze is niet aan jou. Er is niets veranderd.");
        MessageText(past).ShouldBe("Die sessie is al begonnen of voorbij: afmelden of toch komen kan niet meer.");
        MessageText(unknown).ShouldBe("Die sessie ken ik niet, of ze is niet aan jou. Er is niets veranderd.");
        (await app.QueryAsync(db => db.Regrets.CountAsync())).ShouldBe(0);
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "regrets");
    }

    [Fact]
    public async Task In_a_channel_the_regrets_command_answers_that_regrets_belong_in_a_personal_chat()
    {
        var (app, world) = await AttendanceWorld.CreateAsync(Language.Dutch);
        await using var _ = app;

        await app.PostAsync(app.Teams.ChannelMention("ik kan niet komen", Megan));

        app.Connector.SentActivities[^1].Activity!.Text.ShouldBe("Afmelden en aanwezigheden regel je in een persoonlijk gesprek met mij, niet in het kanaal.");
        (await app.QueryAsync(db => db.Regrets.CountAsync())).ShouldBe(0);
    }
}
