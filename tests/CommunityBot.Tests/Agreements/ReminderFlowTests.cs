using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Nudges;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

public sealed class ReminderFlowTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    private static async Task<(BotApplication App, AgreementWorld World, long AgreementId)> WithAgreementAsync()
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        return (app, world, id);
    }

    private static Task<List<CommunityBot.Delivery.OutboxMessage>> RemindersAsync(AgreementWorld world) =>
        world.OutboxAsync().ContinueWith(t => t.Result.Where(m => m.Purpose == "reminder").ToList());

    [Fact]
    public async Task Owners_get_a_reminder_when_its_moment_comes_and_not_before()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;

        await world.AtAsync<ReminderSweep>(SevenDaysBefore.AddMinutes(-1));
        (await RemindersAsync(world)).ShouldBeEmpty();

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        await world.RunAsync<ReminderSweep>();
        var reminders = await RemindersAsync(world);
        reminders.Select(r => r.PersonId).ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
        reminders.ShouldContain(r => r.DedupeKey == $"reminder:{id}:{world.Id(Megan)}:7:s{world.NextSessionId}:v1");
        var card = Readable(reminders[0].Card?.GetRawText());
        card.ShouldContain("Lesvoorbereiding H3 afwerken");
        card.ShouldContain("maandag 23 maart, 16:00 – Lokaal 12");
        card.ShouldContain("Wie rekent erop");
        card.ShouldContain("Tom Claes");
        card.ShouldContain("\"refresh\"");
    }

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_for_the_next_school_morning()
    {
        var (app, world, _) = await WithAgreementAsync();
        await using var _ = app;

        await world.AtAsync<ReminderSweep>(SevenDaysBefore.AddHours(5)); // 21:00 local
        (await RemindersAsync(world)).ShouldBeEmpty();

        await world.AtAsync<ReminderSweep>(new DateTimeOffset(2026, 3, 17, 7, 0, 0, TimeSpan.Zero)); // 08:00 local
        (await RemindersAsync(world)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_session_moved_after_planning_gets_new_plans_and_no_stale_reminder_is_sent()
    {
        var (app, world, _) = await WithAgreementAsync();
        await using var _ = app;

        CardJson(await app.InvokeAsync(ReplanningTests.MovePress(world, "2026-03-30"))).ShouldContain("Sessie verplaatst"); // a week later, summer time

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        (await RemindersAsync(world)).ShouldBeEmpty();
        var plans = await app.QueryAsync(db => db.ReminderPlans.ToListAsync());
        plans.Where(p => p.SessionVersion == 1).ShouldAllBe(p => p.State == ReminderState.Cancelled);
        plans.Single(p => p.SessionVersion == 2 && p.OffsetDays == 7 && p.PersonId == world.Id(Megan)).DueAt
            .ShouldBe(new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero));

        await world.AtAsync<ReminderSweep>(new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero));
        var reminders = await RemindersAsync(world);
        reminders.Count.ShouldBe(2);
        reminders.ShouldAllBe(r => r.DedupeKey.EndsWith(":v2"));
    }

    [Fact]
    public async Task An_owner_done_before_the_reminder_is_not_reminded_and_the_other_owner_still_is()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;

        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Mine), "card-2", Megan));
        // The answered item stays on the list, saying what happened, rather than leaving an empty list.
        CardJson(response).ShouldContain("✓ Gemarkeerd als klaar");
        CardJson(response).ShouldNotContain("Je hebt geen open afspraken.");

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        (await RemindersAsync(world)).Select(r => r.PersonId).ShouldBe([world.Id(Adele)]);
        (await app.QueryAsync(db => db.ReminderPlans.Where(p => p.PersonId == world.Id(Megan)).ToListAsync())).ShouldAllBe(p => p.State == ReminderState.Cancelled);
    }

    [Fact]
    public async Task Pressing_done_updates_the_card_in_place_stores_status_and_history_and_updates_the_other_copies()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);

        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-3", Megan));

        var card = CardJson(response);
        card.ShouldContain("Jouw stand van zaken: ✓ Klaar");
        card.ShouldContain("Aangeduid door Megan Bowen op 16/3 16:00");
        card.ShouldContain("De groep: 1 van 2 klaar");
        card.ShouldNotContain(AgreementVerbs.Answer);
        var agreement = await app.QueryAsync(db => db.Agreements.Include(a => a.History).Include(a => a.Owners).SingleAsync());
        agreement.Status.ShouldBe(AgreementStatus.Open, "Adele has not answered yet");
        agreement.Owners.Single(o => o.PersonId == world.Id(Megan)).ShouldSatisfyAllConditions(
            o => o.Status.ShouldBe(AgreementStatus.Done),
            o => o.AnsweredAt.ShouldBe(SevenDaysBefore));
        agreement.History.Single().ShouldSatisfyAllConditions(
            h => h.PersonId.ShouldBe(world.Id(Megan)),
            h => h.At.ShouldBe(SevenDaysBefore),
            h => h.From.ShouldBe(AgreementStatus.Open),
            h => h.To.ShouldBe(AgreementStatus.Done));
        var updates = (await world.OutboxAsync()).Where(m => m.Purpose == "reminder-update").ToList();
        updates.Select(u => u.ReplacesDedupeKey).ShouldBe(
            [$"reminder:{id}:{world.Id(Megan)}:7:s{world.NextSessionId}:v1", $"reminder:{id}:{world.Id(Adele)}:7:s{world.NextSessionId}:v1"], ignoreOrder: true);
        Readable(updates.Single(u => u.PersonId == world.Id(Megan)).Card?.GetRawText()).ShouldContain("Jouw stand van zaken: ✓ Klaar");
        var adelesCopy = Readable(updates.Single(u => u.PersonId == world.Id(Adele)).Card?.GetRawText());
        adelesCopy.ShouldContain("De groep: 1 van 2 klaar");
        adelesCopy.ShouldContain(AgreementVerbs.Answer);

        var refreshed = CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Refresh, new RefreshData(id), "card-4", Adele, locale: "en-US")));
        refreshed.ShouldContain("The group: 1 of 2 done");
        refreshed.ShouldNotContain("Marked by");
        refreshed.ShouldContain("I need help");
    }

    [Fact]
    public async Task Need_help_tells_the_coach_at_once_with_the_comment()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;

        var data = new Dictionary<string, object?>
        {
            ["agreementId"] = id,
            ["answer"] = AgreementAnswers.NeedHelp,
            ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(id)] = "Ik vind de oefeningen niet",
        };
        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, data, "card-5", Adele));

        CardJson(response).ShouldContain("Hulp gevraagd");
        var alert = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer");
        alert.PersonId.ShouldBe(world.Id(Coach));
        alert.Text.ShouldBe("Adele Vance vraagt hulp bij de afspraak 'Lesvoorbereiding H3 afwerken': Ik vind de oefeningen niet");
        (await app.QueryAsync(db => db.AgreementChanges.SingleAsync())).Comment.ShouldBe("Ik vind de oefeningen niet");
    }

    [Fact]
    public async Task The_help_comment_is_for_the_coach_only_and_not_on_the_owners_copies()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);

        var data = new Dictionary<string, object?>
        {
            ["agreementId"] = id,
            ["answer"] = AgreementAnswers.NeedHelp,
            ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(id)] = "Ik vind de oefeningen niet",
        };
        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, data, "card-5", Adele));
        var refreshed = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Refresh, new RefreshData(id), "card-6", Megan));

        CardJson(response).ShouldContain("Hulp gevraagd");
        CardJson(response).ShouldNotContain("Ik vind de oefeningen niet");
        CardJson(refreshed).ShouldNotContain("Ik vind de oefeningen niet");
        var outbox = await world.OutboxAsync();
        var copies = outbox.Where(m => m.Purpose == "reminder-update").ToList();
        copies.Count.ShouldBe(2);
        copies.ShouldAllBe(m => !Readable(m.Card!.Value.GetRawText()).Contains("Ik vind de oefeningen niet"));
        outbox.Single(m => m.Purpose == "agreement-answer").Text!.ShouldContain("Ik vind de oefeningen niet");
    }

    [Fact]
    public async Task Without_a_channel_the_coach_hears_that_the_group_was_not_told_and_recording_does_not_mention_a_channel()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.ChannelConversationId, (long?)null)));

        var recorded = await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await app.PostAsync(app.Teams.Message("afspraak bespreken @iedereen: Artikel Hattie lezen", Coach));
        var reply = (await world.PersonalRepliesAsync(Coach, 1))[0];
        var id = await app.QueryAsync(db => db.Agreements.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.WontMakeIt, AgreementCardViews.Reminder, AgreementAudiences.Group), "card-2", Megan));

        CardJson(recorded).ShouldContain("Genoteerd: Lesvoorbereiding H3 afwerken.");
        CardJson(recorded).ShouldNotContain("kanaal");
        reply.ShouldBe("Genoteerd (Kritisch bespreken): Artikel Hattie lezen.");
        var notice = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer");
        notice.PersonId.ShouldBe(world.Id(Coach));
        notice.Text.ShouldBe("Megan Bowen laat weten dat 'Lesvoorbereiding H3 afwerken' niet lukt tegen de volgende sessie. De leergemeenschap heeft geen kanaal, dus de groep kreeg dit bericht niet.");
    }

    [Fact]
    public async Task A_non_owner_or_a_forged_payload_is_refused_and_nothing_changes()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;

        var byTom = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-7", Tom));
        var byOutsider = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.WontMakeIt, AgreementCardViews.Reminder), "card-8", Outsider));
        var forged = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new { agreementId = "x", answer = "done" }, "card-9", Megan));
        var unknownAnswer = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, "approve", AgreementCardViews.Reminder), "card-10", Megan));
        var outsiderRefresh = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Refresh, new RefreshData(id), "card-11", Outsider));

        MessageText(byTom).ShouldBe("Deze afspraak bestaat niet meer, of ze is niet aan jou. Er is niets veranderd.");
        MessageText(byOutsider).ShouldContain("of ze is niet aan jou");
        MessageText(forged).ShouldNotBeNullOrEmpty();
        MessageText(unknownAnswer).ShouldNotBeNullOrEmpty();
        MessageText(outsiderRefresh).ShouldContain("of ze is niet aan jou");
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Open);
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_coach_may_mark_it_done_for_every_owner_but_not_ask_help_for_them()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;

        var help = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-11", Coach, locale: "en-US"));
        MessageText(help).ShouldStartWith("Asking for help or saying it won't work out is for each owner to say for themselves.");
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(0);

        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-12", Coach));

        CardJson(response).ShouldContain("Aangeduid door Lien Coach");
        var agreement = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync());
        agreement.Status.ShouldBe(AgreementStatus.Done);
        agreement.Owners.ShouldAllBe(o => o.Status == AgreementStatus.Done);
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.State == ReminderState.Planned))).ShouldBe(0);
        var ready = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-ready");
        ready.PersonId.ShouldBe(world.Id(Tom));
        ready.Text.ShouldBe("'Lesvoorbereiding H3 afwerken' is klaar: je kan erop verder bouwen.");
    }

    [Fact]
    public async Task My_agreements_lists_open_agreements_with_the_reminder_buttons()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;

        await app.PostAsync(app.Teams.Message("mijn afspraken", Megan));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(r => r.ConversationId == TeamsActivities.PersonalChatOf(Megan)), TimeSpan.FromSeconds(10));

        var card = Readable(app.Connector.SentActivities.Last(r => r.ConversationId == TeamsActivities.PersonalChatOf(Megan)).Activity!.Attachments!.Single().Content!.Value.GetRawText());
        card.ShouldContain("Mijn afspraken");
        card.ShouldContain("Lesvoorbereiding H3 afwerken");
        card.ShouldContain(ReminderCard.CommentInputId(id));
        card.ShouldContain("Ik heb hulp nodig");
    }

    [Fact]
    public async Task The_coach_gets_a_briefing_the_school_day_before_the_session_with_every_agreement_help_and_attendance()
    {
        var (app, world, id) = await WithAgreementAsync();
        await using var _ = app;
        await world.RecordViaCardAsync("Review", "Artikel Hattie lezen", "all");
        await app.QueryAsync(async db =>
        {
            db.Attendance.AddRange(new[] { Megan, Adele, Tom }.Select((p, i) => new Attendance { SessionId = world.HeldSessionId, PersonId = world.Id(p), Present = i < 2 }));
            return await db.SaveChangesAsync();
        });
        var data = new Dictionary<string, object?> { ["agreementId"] = id, ["answer"] = "help", ["view"] = "reminder", [ReminderCard.CommentInputId(id)] = "Welk hoofdstuk?" };
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, data, "card-13", Adele));

        await world.AtAsync<BriefingSweep>(new DateTimeOffset(2026, 3, 20, 14, 59, 0, TimeSpan.Zero));
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "briefing"); // Sunday 22nd is no school day: Friday 16:00
        await world.AtAsync<BriefingSweep>(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));
        await world.RunAsync<BriefingSweep>();

        var briefing = (await world.OutboxAsync()).Single(m => m.Purpose == "briefing");
        briefing.PersonId.ShouldBe(world.Id(Coach));
        briefing.DedupeKey.ShouldBe($"briefing:{world.NextSessionId}:v1:{world.Id(Coach)}");
        var card = Readable(briefing.Card?.GetRawText());
        card.ShouldContain("Briefing Wiskunde eerste graad: sessie van maandag 23 maart, 16:00");
        card.ShouldContain("Lesvoorbereiding H3 afwerken");
        card.ShouldContain("0 van 2 klaar – Hulp gevraagd");
        card.ShouldContain("Vroegen hulp");
        card.ShouldContain("Adele Vance");
        card.ShouldContain("Welk hoofdstuk?");
        card.ShouldContain("Te bespreken materiaal");
        card.ShouldContain("Artikel Hattie lezen");
        card.ShouldContain("2 van 3 aanwezig");
    }

    [Fact]
    public async Task The_coach_is_nudged_the_evening_after_a_session_without_agreements_and_to_plan_when_the_cadence_is_at_risk()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            var next = await db.Sessions.SingleAsync(s => s.Id == world.NextSessionId);
            next.Status = SessionStatus.Held;
            return await db.SaveChangesAsync();
        });

        await world.AtAsync<NudgeSweep>(new DateTimeOffset(2026, 3, 23, 17, 59, 0, TimeSpan.Zero));
        (await world.OutboxAsync()).ShouldBeEmpty();
        await world.AtAsync<NudgeSweep>(new DateTimeOffset(2026, 3, 23, 18, 0, 0, TimeSpan.Zero)); // 19:00 local

        var record = (await world.OutboxAsync()).Single(m => m.DedupeKey.StartsWith("nudge:record:"));
        record.PersonId.ShouldBe(world.Id(Coach));
        Readable(record.Card?.GetRawText()).ShouldContain(AgreementVerbs.Record);

        await world.AtAsync<NudgeSweep>(new DateTimeOffset(2026, 4, 28, 8, 0, 0, TimeSpan.Zero)); // six weeks minus six days after, Tuesday 10:00
        var plan = (await world.OutboxAsync()).Single(m => m.DedupeKey.StartsWith("nudge:plan:"));
        var planCard = Readable(plan.Card?.GetRawText());
        planCard.ShouldContain("\"verb\":\"session.plan\"");
        planCard.ShouldContain($"\"communityId\":{world.CommunityId}");
        await world.RunAsync<NudgeSweep>();
        (await world.OutboxAsync()).Count(m => m.DedupeKey.StartsWith("nudge:plan:")).ShouldBe(1);
    }
}
