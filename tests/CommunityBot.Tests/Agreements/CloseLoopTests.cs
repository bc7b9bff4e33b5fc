using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// The coach closes the loop on every agreement of a session: done, carried over, changed or dropped, on the card
/// that comes the evening after the session, from the briefing or from the open-agreements list.
/// </summary>
public sealed class CloseLoopTests
{
    private const string Text = "Lesvoorbereiding H3 afwerken";

    /// <summary>Monday 23 March 2026, 19:30 in Brussels: the evening of the next session (16:00–18:30).</summary>
    private static readonly DateTimeOffset EveningAfterNext = new(2026, 3, 23, 18, 30, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset DayAfterNext = new(2026, 3, 24, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(AgreementWorld World, long AgreementId)> WithAgreementAsync(BotApplication app, Language language)
    {
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true)));
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)},{world.Id(Adele)}");
        return (world, await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync()));
    }

    /// <summary>The coach plans the session after the next one: Monday 27 April 2026, 16:00.</summary>
    private static async Task<long> PlanLaterSessionAsync(AgreementWorld world)
    {
        await world.App.InvokeAsync(world.App.Teams.Execute(SessionVerbs.Plan,
            new { communityId = world.CommunityId, save = true, date = "2026-04-27", time = "16:00", location = "Lokaal 12" }, "card-plan", Coach));
        return await world.App.QueryAsync(db => db.Sessions.Where(s => s.StartsAt > NextSessionStart).Select(s => s.Id).SingleAsync());
    }

    private static Task<InvokeResponse> CloseAsync(AgreementWorld world, long agreementId, string choice, ChannelAccount by, Dictionary<string, object?>? inputs = null)
    {
        var data = new Dictionary<string, object?> { ["agreementId"] = agreementId, ["choice"] = choice, ["sessionId"] = world.NextSessionId };
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value;
        }
        return world.App.InvokeAsync(world.App.Teams.Execute(CloseLoopVerbs.Close, data, "card-loop", by));
    }

    private static Activity EditPress(AgreementWorld world, long agreementId, string owners, ChannelAccount by, string text = Text, long? due = null) =>
        world.App.Teams.Execute(CloseLoopVerbs.Edit, new Dictionary<string, object?>
        {
            ["agreementId"] = agreementId,
            ["text"] = text,
            ["owners"] = owners,
            ["dependants"] = "",
            ["due"] = (due ?? world.NextSessionId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "card-edit", by);

    private static async Task<List<string>> LoopCardsAsync(AgreementWorld world) =>
        [.. (await world.OutboxAsync()).Where(m => m.Purpose == "close-loop").Select(m => Readable(m.Card!.Value.GetRawText()))];

    [Theory]
    [InlineData(Language.Dutch, "Afspraken afronden – Wiskunde eerste graad, sessie van maandag 23 maart", "Doorschuiven")]
    [InlineData(Language.English, "Close the loop – Wiskunde eerste graad, session of Monday 23 March", "Carry over")]
    public async Task The_coach_gets_the_close_the_loop_card_once_the_evening_after_the_session(Language language, string title, string carryOver)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WithAgreementAsync(app, language);

        await world.AtAsync<CloseLoopSweep>(EveningAfterNext.AddMinutes(-1));
        (await LoopCardsAsync(world)).ShouldBeEmpty();
        await world.AtAsync<CloseLoopSweep>(EveningAfterNext);
        await world.AtAsync<CloseLoopSweep>(EveningAfterNext.AddMinutes(1));
        await world.AtAsync<CloseLoopSweep>(DayAfterNext);

        var outbox = (await world.OutboxAsync()).Where(m => m.Purpose == "close-loop").ToList();
        outbox.Count.ShouldBe(1);
        outbox[0].PersonId.ShouldBe(world.Id(Coach));
        var card = Readable(outbox[0].Card!.Value.GetRawText());
        card.ShouldContain(title);
        card.ShouldContain(Text);
        card.ShouldContain(carryOver);
        await app.DeliveryIdleAsync();
        var delivered = (await world.OutboxAsync()).Single(m => m.Purpose == "close-loop");
        delivered.State.ShouldBe(CommunityBot.Delivery.OutboxState.Sent);
        app.Connector.SentActivities.Count(a => a.ConversationId == delivered.SentConversationId && a.Activity?.Attachments is { Count: > 0 } attachments
            && Readable(attachments[0].Content!.Value.GetRawText()).Contains(title, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task No_close_the_loop_card_comes_for_a_cancelled_session()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WithAgreementAsync(app, Language.Dutch);

        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Cancel, new { sessionId = world.NextSessionId, confirm = true }, "card-cancel", Coach));
        await world.AtAsync<CloseLoopSweep>(EveningAfterNext);
        await world.AtAsync<CloseLoopSweep>(DayAfterNext);

        (await LoopCardsAsync(world)).ShouldBeEmpty();
        (await app.QueryAsync(db => db.CloseLoopPlans.SingleAsync(p => p.SessionId == world.NextSessionId))).State.ShouldBe(CloseLoopState.Cancelled);
    }

    [Theory]
    [InlineData(Language.Dutch, "Doorgeschoven naar de volgende sessie: Lesvoorbereiding H3 afwerken.")]
    [InlineData(Language.English, "Carried over to the next session: Lesvoorbereiding H3 afwerken.")]
    public async Task Carrying_over_plans_the_owners_reminders_for_the_next_planned_session(Language language, string notice)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, language);
        var later = await PlanLaterSessionAsync(world);
        app.Clock.SetUtcNow(DayAfterNext);

        var card = CardJson(await CloseAsync(world, id, CloseChoices.CarryOver, Coach));

        card.ShouldContain(notice);
        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).DueSessionId.ShouldBe(later);
        var plans = await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().Where(p => p.State == ReminderState.Planned).ToListAsync());
        plans.ShouldAllBe(p => p.SessionId == later);
        plans.Select(p => p.PersonId).Distinct().ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
        var history = await app.QueryAsync(db => db.AgreementChanges.SingleAsync(h => h.Kind == AgreementChangeKind.CarriedOver));
        history.Before!.DueSessionId.ShouldBe(world.NextSessionId);
    }

    [Fact]
    public async Task Carrying_over_without_a_planned_session_says_so_and_waits_for_the_next_one()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, Language.Dutch);
        app.Clock.SetUtcNow(DayAfterNext);

        var card = CardJson(await CloseAsync(world, id, CloseChoices.CarryOver, Coach));

        card.ShouldContain("Er is nog geen volgende sessie gepland; de afspraak wacht tot er een is.");
        var later = await PlanLaterSessionAsync(world);
        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).DueSessionId.ShouldBe(later);
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.State == ReminderState.Planned && p.SessionId == later))).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "mijn afspraken", "Geschrapt: Lesvoorbereiding H3 afwerken.")]
    [InlineData(Language.English, "my agreements", "Dropped: Lesvoorbereiding H3 afwerken.")]
    public async Task Dropping_cancels_the_reminders_and_takes_it_off_the_members_list(Language language, string command, string notice)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, language);

        var card = CardJson(await CloseAsync(world, id, CloseChoices.Drop, Coach, new() { [$"reason-{id}"] = "Hoofdstuk 3 valt weg" }));

        card.ShouldContain(notice);
        (await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().ToListAsync())).ShouldAllBe(p => p.State != ReminderState.Planned);
        var dropped = await app.QueryAsync(db => db.AgreementChanges.SingleAsync(h => h.Kind == AgreementChangeKind.Dropped));
        (dropped.To, dropped.Comment).ShouldBe((AgreementStatus.Dropped, "Hoofdstuk 3 valt weg"));
        await app.PostAsync(app.Teams.Message(command, Megan));
        world.LastReplyCard().ShouldNotContain(Text);
    }

    [Theory]
    [InlineData(Language.Dutch, "Aangepast: Lesvoorbereiding H3 en H4 afwerken.")]
    [InlineData(Language.English, "Changed: Lesvoorbereiding H3 en H4 afwerken.")]
    public async Task Editing_the_owners_gives_the_new_owner_reminders_and_the_removed_one_none(Language language, string notice)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, language);

        var card = CardJson(await app.InvokeAsync(EditPress(world, id, $"{world.Id(Adele)},{world.Id(Tom)}", Coach, "Lesvoorbereiding H3 en H4 afwerken")));

        card.ShouldContain(notice);
        var planned = await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().Where(p => p.State == ReminderState.Planned).ToListAsync());
        planned.Select(p => p.PersonId).Distinct().ShouldBe([world.Id(Adele), world.Id(Tom)], ignoreOrder: true);
        planned.Count(p => p.PersonId == world.Id(Tom)).ShouldBe(2);
        var edited = await app.QueryAsync(db => db.AgreementChanges.SingleAsync(h => h.Kind == AgreementChangeKind.Edited));
        edited.Before!.Text.ShouldBe(Text);
        edited.Before.OwnerIds.ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
        var agreement = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync(a => a.Id == id));
        agreement.Text.ShouldBe("Lesvoorbereiding H3 en H4 afwerken");
        agreement.Owners.Select(o => o.PersonId).ShouldBe([world.Id(Adele), world.Id(Tom)], ignoreOrder: true);
    }

    [Fact]
    public async Task Editing_the_due_session_moves_the_reminders_to_it()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, Language.Dutch);
        var later = await PlanLaterSessionAsync(world);

        await app.InvokeAsync(EditPress(world, id, $"{world.Id(Megan)},{world.Id(Adele)}", Coach, due: later));

        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).DueSessionId.ShouldBe(later);
        var planned = await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().Where(p => p.State == ReminderState.Planned).ToListAsync());
        planned.ShouldAllBe(p => p.SessionId == later);
        planned.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Editing_closing_and_opening_cards_are_refused_for_a_member_and_nothing_changes()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, Language.Dutch);
        const string refusal = "Alleen de coach van deze leergemeenschap kan afspraken aanpassen of afsluiten.";
        // A button naming an agreement answers as for one that does not exist, so ids tell nothing.
        const string notYours = "Deze afspraak bestaat niet meer, of ze is niet aan jou. Er is niets veranderd.";

        MessageText(await app.InvokeAsync(EditPress(world, id, $"{world.Id(Megan)}", Megan, "Niets meer"))).ShouldBe(notYours);
        MessageText(await CloseAsync(world, id, CloseChoices.Drop, Megan)).ShouldBe(notYours);
        MessageText(await CloseAsync(world, id, CloseChoices.Done, Megan)).ShouldBe(notYours);
        MessageText(await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Change, new { agreementId = id }, "card-loop", Megan))).ShouldBe(notYours);
        MessageText(await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Show, new { sessionId = world.NextSessionId }, "card-briefing", Megan))).ShouldBe(refusal);
        await app.PostAsync(app.Teams.Message("open afspraken", Megan));
        world.LastReplyText().ShouldBe(refusal);

        var agreement = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync(a => a.Id == id));
        (agreement.Text, agreement.Status, agreement.Owners.Count).ShouldBe((Text, AgreementStatus.Open, 2));
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "Deze afspraak bestaat niet meer, of ze is niet aan jou. Er is niets veranderd.")]
    [InlineData(Language.English, "This agreement no longer exists, or it isn't yours. Nothing was changed.")]
    public async Task A_forged_agreement_id_of_another_community_is_refused_and_nothing_changes(Language language, string refusal)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WithAgreementAsync(app, language);
        var foreign = await app.QueryAsync(async db =>
        {
            var other = new Community { TenantId = TeamsActivities.TenantId, Name = "Frans tweede graad", CreatedAt = app.Clock.GetUtcNow() };
            db.Communities.Add(other);
            await db.SaveChangesAsync();
            db.Memberships.Add(new Membership { CommunityId = other.Id, PersonId = world.Id(Outsider), Role = CommunityRole.Coach, JoinedAt = app.Clock.GetUtcNow() });
            db.Memberships.Add(new Membership { CommunityId = other.Id, PersonId = world.Id(Megan), Role = CommunityRole.Member, JoinedAt = app.Clock.GetUtcNow() });
            var agreement = new Agreement { CommunityId = other.Id, Text = "Woordenlijst maken", RecordedByPersonId = world.Id(Outsider), CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            agreement.Owners.Add(new AgreementOwner { PersonId = world.Id(Megan) });
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });

        MessageText(await app.InvokeAsync(EditPress(world, foreign, $"{world.Id(Tom)}", Coach, "Overgenomen"))).ShouldBe(refusal);
        MessageText(await CloseAsync(world, foreign, CloseChoices.Drop, Coach)).ShouldBe(refusal);
        MessageText(await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Change, new { agreementId = foreign }, "card-loop", Coach))).ShouldBe(refusal);

        var agreement = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync(a => a.Id == foreign));
        (agreement.Text, agreement.Status, agreement.Owners.Single().PersonId).ShouldBe(("Woordenlijst maken", AgreementStatus.Open, world.Id(Megan)));
    }

    [Theory]
    [InlineData(Language.Dutch, "open afspraken", "Open afspraken – Wiskunde eerste graad", "Aanpassen")]
    [InlineData(Language.English, "open agreements", "Open agreements – Wiskunde eerste graad", "Change")]
    public async Task The_coach_lists_open_agreements_and_opens_the_prefilled_edit_card(Language language, string command, string title, string change)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, language);

        await app.PostAsync(app.Teams.Message(command, Coach));
        var list = world.LastReplyCard();
        var edit = CardJson(await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Change, new { agreementId = id }, "card-open", Coach)));

        list.ShouldContain(title);
        list.ShouldContain(Text);
        list.ShouldContain(change);
        edit.ShouldContain($"\"value\":\"{Text}\"");
        edit.ShouldContain($"\"value\":\"{world.Id(Adele)},{world.Id(Megan)}\""); // by name
        edit.ShouldContain($"\"value\":\"{world.NextSessionId}\"");
    }

    [Fact]
    public async Task Typed_in_the_channel_the_open_list_goes_to_the_coachs_personal_chat_and_not_into_the_channel()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WithAgreementAsync(app, Language.Dutch);

        await app.PostAsync(app.Teams.ChannelMention("open afspraken", Coach));

        world.LastReplyText().ShouldBe("De open afspraken tonen ook wie hulp vroeg, dus ik stuur ze je in je persoonlijke chat.");
        var sent = (await world.OutboxAsync()).Single(m => m.Purpose == "open-agreements");
        (sent.PersonId, sent.ConversationRowId).ShouldBe((world.Id(Coach), (long?)null));
        Readable(sent.Card!.Value.GetRawText()).ShouldContain(Text);
    }

    [Fact]
    public async Task No_close_the_loop_card_comes_when_every_agreement_of_the_session_is_already_done()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, Language.Dutch);
        await CloseAsync(world, id, CloseChoices.Done, Coach);

        await world.AtAsync<CloseLoopSweep>(EveningAfterNext);

        (await LoopCardsAsync(world)).ShouldBeEmpty();
        (await app.QueryAsync(db => db.CloseLoopPlans.SingleAsync(p => p.SessionId == world.NextSessionId))).State.ShouldBe(CloseLoopState.NothingToClose);
    }

    [Fact]
    public async Task An_agreement_left_open_at_a_past_session_is_on_the_next_sessions_card_and_done_closes_it()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, id) = await WithAgreementAsync(app, Language.Dutch);
        var later = await PlanLaterSessionAsync(world);
        await world.AtAsync<CloseLoopSweep>(EveningAfterNext);

        // The coach never answered the card of 23 March; the card of 27 April still lists the agreement.
        await world.AtAsync<CloseLoopSweep>(new DateTimeOffset(2026, 4, 27, 17, 30, 0, TimeSpan.Zero));
        var cards = await LoopCardsAsync(world);

        cards.Count.ShouldBe(2);
        cards[1].ShouldContain("Nog open van de sessie van maandag 23 maart");
        cards[1].ShouldContain(Text);
        var done = CardJson(await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Close,
            new { agreementId = id, choice = CloseChoices.Done, sessionId = later }, "card-loop", Coach)));
        done.ShouldContain("Afgesloten als klaar: Lesvoorbereiding H3 afwerken.");
        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).Status.ShouldBe(AgreementStatus.Done);
    }

    [Fact]
    public async Task The_briefing_button_opens_the_close_the_loop_card_for_the_coach()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WithAgreementAsync(app, Language.Dutch);
        await world.AtAsync<Briefings.BriefingSweep>(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));
        var briefing = Readable((await world.OutboxAsync()).Single(m => m.Purpose == "briefing").Card!.Value.GetRawText());
        briefing.ShouldContain("\"title\":\"Afspraken afronden\"");
        briefing.ShouldContain($"\"verb\":\"{CloseLoopVerbs.Show}\"");

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Show, new { sessionId = world.NextSessionId }, "card-briefing", Coach)));

        card.ShouldContain("Afspraken afronden – Wiskunde eerste graad, sessie van maandag 23 maart");
        card.ShouldContain(Text);
    }
}
