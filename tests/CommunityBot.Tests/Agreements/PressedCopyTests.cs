using System.Net;
using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// A button pressed on a reminder is answered with that reminder redrawn (Action.Execute): the outbox updates the other
/// owners' copies, not the pressed one, whose undo button an update would take away a moment later.
/// </summary>
public sealed class PressedCopyTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    private static async Task<(BotApplication App, AgreementWorld World, long AgreementId, OutboxMessage MegansReminder)> DeliveredAsync()
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        await app.DeliveryIdleAsync();
        var reminder = (await world.OutboxAsync()).Single(m => m.Purpose == "reminder" && m.PersonId == world.Id(Megan));
        reminder.State.ShouldBe(OutboxState.Sent);
        return (app, world, id, reminder);
    }

    /// <summary>The press Teams sends from the delivered reminder itself.</summary>
    private static Teams.Schema.Activity OnReminder(BotApplication app, OutboxMessage reminder, string verb, object data)
    {
        var press = app.Teams.Execute(verb, data, reminder.ActivityId!, Megan);
        press.Conversation!.Id = reminder.SentConversationId!;
        return press;
    }

    private static List<FakeConnectorRequest> UpdatesOf(BotApplication app, OutboxMessage reminder) =>
        [.. app.Connector.Requests.Where(r => r.Operation == FakeConnectorOperation.UpdateActivity && r.ActivityId == reminder.ActivityId && r.Succeeded)];

    [Fact]
    public async Task Done_pressed_on_the_reminder_keeps_its_answer_with_undo_and_updates_only_the_other_owners_copy()
    {
        var (app, world, id, megans) = await DeliveredAsync();
        await using var _ = app;

        var answer = CardJson(await app.InvokeAsync(OnReminder(app, megans, AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder))));
        await app.DeliveryIdleAsync();

        answer.ShouldContain("Jouw stand van zaken: ✓ Klaar");
        answer.ShouldContain(AgreementVerbs.Undo);
        UpdatesOf(app, megans).ShouldBeEmpty();
        var adeles = (await world.OutboxAsync()).Single(m => m.Purpose == "reminder" && m.PersonId == world.Id(Adele));
        var adelesCopy = UpdatesOf(app, adeles).ShouldHaveSingleItem();
        Readable(adelesCopy.Activity!.Attachments!.Single().Content!.Value.GetRawText()).ShouldContain("De groep: 1 van 2 klaar");
    }

    [Fact]
    public async Task A_press_on_the_reminder_while_an_update_of_it_still_waits_queues_its_own_so_the_older_one_never_lands()
    {
        var (app, world, id, megans) = await DeliveredAsync();
        await using var _ = app;
        // Done from "my agreements": Megan's reminder is another card, so the outbox updates it; Teams is down for it.
        app.Connector.FailNext(1, HttpStatusCode.ServiceUnavailable, megans.SentConversationId);
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Mine), "card-mine", Megan));
        await app.DeliveryIdleAsync();
        var change = await app.QueryAsync(db => db.AgreementChanges.MaxAsync(c => c.Id));

        var undone = CardJson(await app.InvokeAsync(OnReminder(app, megans, AgreementVerbs.Undo, new UndoData(id, change, AgreementCardViews.Reminder))));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.DeliveryIdleAsync();

        undone.ShouldContain("\"title\":\"✓ Klaar\"");
        // The dispatcher sends only the newest of two queued updates of one card: the reminder shows Megan open again.
        var landed = Readable(UpdatesOf(app, megans).ShouldHaveSingleItem().Activity!.Attachments!.Single().Content!.Value.GetRawText());
        landed.ShouldNotContain("Jouw stand van zaken: ✓ Klaar");
        landed.ShouldContain("\"title\":\"✓ Klaar\"");
    }
}
