using CommunityBot.Delivery;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

/// <summary>Confirming books the Teams meeting exactly once and everyone gets the join link; calendar trouble is said plainly.</summary>
public sealed class IntervisionBookingTests
{
    /// <summary>Everyone voted; returns the proposal id and its slots, earliest first.</summary>
    private static async Task<(long ProposalId, List<long> Slots)> VotedAsync(IntervisionWorld world)
    {
        await world.PlanAsync();
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        await world.VoteAsync(Alex, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Diego, proposal.Id, slots, [slots[0], slots[2]]);
        await world.VoteAsync(Nestor, proposal.Id, slots, [slots[2]]);
        return (proposal.Id, slots);
    }

    [Theory]
    [InlineData(Language.Dutch, "✓ Bevestigd:", "Deelnemen", "Intervisie Sint-Jozef: de intervisie is gepland")]
    [InlineData(Language.English, "✓ Confirmed:", "Join", "Intervisie Sint-Jozef: the intervision is planned")]
    public async Task Confirming_another_slot_books_one_meeting_and_everyone_gets_the_join_link(Language language, string confirmed, string join, string title)
    {
        var world = await StartAsync();
        await using var app = world.App;
        await IntervisionVoteTests.SetLanguageAsync(world, language);
        var (proposalId, slots) = await VotedAsync(world);

        // The best was slot 0 (two votes); Nestor overrides with slot 2.
        var answer = CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Confirm,
            new Dictionary<string, object> { ["proposalId"] = proposalId, ["slot"] = slots[2].ToString(System.Globalization.CultureInfo.InvariantCulture) }, "confirm-card", Nestor, Locale(language))));

        answer.ShouldContain(confirmed);
        answer.ShouldContain($"\"title\":\"{join}\"");
        answer.ShouldContain("\"url\":\"https://teams.microsoft.com/l/meetup-join/fake\"");
        var request = world.Calendar.Requests.ShouldHaveSingleItem();
        var booked = await world.ProposalAsync();
        var slot = booked.Slots.Single(s => s.Id == slots[2]);
        request.ShouldSatisfyAllConditions(
            r => r.OrganizerEmail.ShouldBe("nestor.wilke@school.test"),
            r => r.Attendees.Select(a => a.Email).ShouldBe(["nestor.wilke@school.test", "alex.wilber@school.test", "diego.siciliani@school.test"], ignoreOrder: true),
            r => r.Subject.ShouldBe("Intervisie Sint-Jozef"),
            r => r.BodyHtml.ShouldContain("Intervisie tussen procescoaches"),
            r => (r.Start, r.End).ShouldBe((slot.StartsAt, slot.EndsAt)),
            r => r.TimeZone.ShouldBe("Europe/Brussels"));
        (booked.State, booked.EventId, booked.JoinUrl, booked.StartsAt).ShouldBe((ProposalState.Booked, $"event-{request.TransactionId}", world.Calendar.JoinUrl, slot.StartsAt));
        foreach (var participant in new[] { Nestor, Alex, Diego })
        {
            var action = Json(await world.CardWithAsync(participant, title)).GetProperty("actions")[0];
            (action.GetProperty("type").GetString(), action.GetProperty("title").GetString(), action.GetProperty("url").GetString())
                .ShouldBe(("Action.OpenUrl", join, world.Calendar.JoinUrl));
        }
        (await world.CardWithAsync(Alex, language == Language.English ? "Planned:" : "Gepland:")).ShouldNotContain("\"type\":\"Input.Toggle\"");
        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().SingleAsync());
        group.NextProposalAt.ShouldBe(slot.StartsAt.AddDays(42));

        // Pressing again, a redelivered sweep or two: nothing more is booked or sent.
        MessageText(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Confirm,
                new Dictionary<string, object> { ["proposalId"] = proposalId, ["slot"] = slots[0].ToString(System.Globalization.CultureInfo.InvariantCulture) }, "confirm-card", Nestor, Locale(language))))
            .ShouldBe(IntervisionTexts.All.For(language).NotAwaitingConfirmation);
        await world.RunSweepAsync();
        await world.RunSweepAsync();
        world.Calendar.CreateCalls.ShouldBe(1);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith("intervision-booked:")))).ShouldBe(3);
    }

    [Fact]
    public async Task The_coach_the_coach_moves_and_then_cancels_the_meeting_and_everyone_is_told()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);
        await world.ConfirmAsync(proposalId, slots[0]);
        var booked = await world.ProposalAsync();
        var nestorsCopy = await world.CardWithAsync(Nestor, "de intervisie is gepland");
        nestorsCopy.ShouldContain($"\"verb\":\"{IntervisionVerbs.Move}\"");
        (await world.CardWithAsync(Alex, "de intervisie is gepland")).ShouldNotContain(IntervisionVerbs.Move);

        var refused = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Move, new { proposalId, date = "2026-03-31", time = "14:00" }, "booked-card", Alex));
        var past = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Move, new { proposalId, date = "2026-03-01", time = "14:00" }, "booked-card", Nestor));
        var moved = CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Move, new { proposalId, date = "2026-03-31", time = "14:00" }, "booked-card", Nestor)));

        MessageText(refused).ShouldBe("Dat intervisievoorstel ken ik niet, of het is niet aan jou. Er is niets gewijzigd.");
        MessageText(past).ShouldBe("Kies een datum en uur in de toekomst. Er is niets gewijzigd.");
        MessageText(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Move, new { proposalId, date = "0001-01-01", time = "00:00" }, "booked-card", Nestor)))
            .ShouldBe("Kies een datum en uur in de toekomst. Er is niets gewijzigd.");
        moved.ShouldContain("Verplaatst naar dinsdag 31 maart, 14:00–15:30.");
        var start = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
        world.Calendar.Moves.ShouldHaveSingleItem().ShouldBe((booked.EventId!, start, start.AddMinutes(90)));
        (await world.ProposalAsync()).StartsAt.ShouldBe(start);
        (await world.CardWithAsync(Diego, "Verplaatst naar")).ShouldContain("dinsdag 31 maart, 14:00–15:30");

        var cancelled = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Cancel, new { proposalId }, "booked-card", Nestor));
        var again = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.Cancel, new { proposalId }, "booked-card", Nestor));

        MessageText(cancelled).ShouldBe("✓ Geannuleerd. Iedereen krijgt bericht.");
        MessageText(again).ShouldBe("Deze intervisie is niet (meer) gepland. Er is niets gewijzigd.");
        world.Calendar.Cancellations.ShouldBe([booked.EventId!]);
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.Cancelled);
        await world.UntilAsync(() => world.Texts(Alex).Any(t => t.Contains("is geannuleerd door Nestor Wilke", StringComparison.Ordinal)));
        (await world.CardWithAsync(Alex, "Deze intervisie is geannuleerd.")).ShouldNotContain("\"type\":\"Input.Toggle\"");
    }

    [Fact]
    public async Task Only_the_coach_the_coach_confirms_and_a_foreign_slot_is_refused()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);

        MessageText(await world.ConfirmAsync(proposalId, slots[0], Alex)).ShouldBe("Dat intervisievoorstel ken ik niet, of het is niet aan jou. Er is niets gewijzigd.");
        MessageText(await world.ConfirmAsync(proposalId, slots[0] + 1000)).ShouldBe("Op deze kaart staat een moment dat niet bij dit voorstel hoort. Er is niets gewijzigd.");

        (await world.ProposalAsync()).State.ShouldBe(ProposalState.AwaitingConfirmation);
        world.Calendar.CreateCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_failed_booking_is_retried_by_the_sweep_once_even_when_two_sweeps_run_at_the_same_moment()
    {
        var world = await StartAsync();
        await using var app = world.App;
        var (proposalId, slots) = await VotedAsync(world);
        world.Calendar.FailBookings(1);

        MessageText(await world.ConfirmAsync(proposalId, slots[0])).ShouldStartWith("Het moment is bevestigd, maar de vergadering kon nog niet");
        var failed = await world.ProposalAsync();
        failed.State.ShouldBe(ProposalState.Chosen);
        await world.RunSweepAsync();
        world.Calendar.CreateCalls.ShouldBe(1);

        await world.SettleAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        world.Calendar.BookingGate = gate;
        var first = Task.Run(world.RunSweepAsync, TestContext.Current.CancellationToken);
        await Task.WhenAny(world.Calendar.AtGate.Task, first).WaitAsync(Patience, TestContext.Current.CancellationToken);
        first.IsCompleted.ShouldBeFalse(first.Exception?.ToString());
        await world.RunSweepAsync();
        world.Calendar.Waiting.ShouldBe(1);
        gate.SetResult();
        await first;
        await world.RunSweepAsync();

        var transactionId = world.Calendar.Requests.First().TransactionId;
        world.Calendar.Requests.Select(r => r.TransactionId).ShouldBe([transactionId, transactionId]);
        world.Calendar.CreatedFor(transactionId).ShouldBe(2);
        (await world.ProposalAsync()).State.ShouldBe(ProposalState.Booked);
        foreach (var participant in new[] { Nestor, Alex, Diego })
        {
            await world.CardWithAsync(participant, "de intervisie is gepland");
        }
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith("intervision-booked:")))).ShouldBe(3);
    }

    [Theory]
    [InlineData(Language.Dutch, "Intervisie Sint-Jozef: ik mag de agenda's niet lezen of schrijven.", "Calendars.ReadWrite", "Er is niets voorgesteld.")]
    [InlineData(Language.English, "Intervisie Sint-Jozef: I am not allowed to read or write the calendars.", "Calendars.ReadWrite", "Nothing was proposed.")]
    public async Task Access_denied_is_told_to_the_coach_the_coach_in_plain_words_and_nothing_is_proposed(Language language, string start, string permission, string nothing)
    {
        var world = await StartAsync();
        await using var app = world.App;
        world.Calendar.DenyAccess = true;

        var answer = await world.PlanAsync(language);

        answer.ShouldStartWith(start);
        answer.ShouldContain(permission);
        answer.ShouldNotContain("Access is denied"); // Graph's own English words are for the operator's log, not for the coach-the-coach
        answer.ShouldEndWith(nothing);
        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0);
        await world.SettleAsync();
        world.CardsOf(Alex).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unreadable_mailboxes_and_people_without_an_email_are_named_not_skipped()
    {
        var world = await StartAsync();
        await using var app = world.App;
        world.Calendar.Unreadable.Add(EmailOf(Diego));
        await app.QueryAsync(db => db.People.Where(p => p.TeamsUserId == Alex.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Email, (string?)null)));

        var answer = await world.PlanAsync();

        answer.ShouldContain("4 momenten voorgesteld aan Nestor Wilke, Alex Wilber, Diego Siciliani");
        answer.ShouldContain("De agenda van Diego Siciliani kon ik niet lezen");
        answer.ShouldContain("Van Alex Wilber ken ik geen e-mailadres");
        await world.CardWithAsync(Alex, "wanneer kan je?");
    }

    [Theory]
    [InlineData(Language.Dutch, CalendarProblem.NotFound, "Intervisie Sint-Jozef: Microsoft 365 vindt geen postvak bij jouw e-mailadres.")]
    [InlineData(Language.English, CalendarProblem.NotFound, "Intervisie Sint-Jozef: Microsoft 365 finds no mailbox at your e-mail address.")]
    [InlineData(Language.Dutch, CalendarProblem.Throttled, "Intervisie Sint-Jozef: Microsoft 365 vraagt me even minder te vragen. Er is niets voorgesteld; ik probeer het zelf opnieuw op ")]
    [InlineData(Language.English, CalendarProblem.Throttled, "Intervisie Sint-Jozef: Microsoft 365 is asking me to slow down. Nothing was proposed; I will try again myself on ")]
    [InlineData(Language.Dutch, CalendarProblem.Unavailable, "Intervisie Sint-Jozef: de agenda's zijn nu niet bereikbaar (Microsoft 365 antwoordt niet).")]
    [InlineData(Language.English, CalendarProblem.Unavailable, "Intervisie Sint-Jozef: the calendars cannot be reached now (Microsoft 365 does not answer).")]
    public async Task Each_calendar_problem_is_told_in_the_coach_the_coachs_language_and_nothing_is_proposed(Language language, CalendarProblem problem, string expected)
    {
        var world = await StartAsync();
        await using var app = world.App;
        world.Calendar.ScheduleProblem = problem;

        var answer = await world.PlanAsync(language);

        answer.ShouldStartWith(expected);
        answer.ShouldNotContain("Microsoft Graph failed");
        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "De agenda van Diego Siciliani kon ik niet lezen (de app mag die agenda niet lezen)", "De agenda van Alex Wilber kon ik niet lezen (Microsoft 365 kent geen postvak met dat e-mailadres)")]
    [InlineData(Language.English, "I could not read the calendar of Diego Siciliani (the app may not read that calendar)", "I could not read the calendar of Alex Wilber (Microsoft 365 knows no mailbox at that address)")]
    public async Task Why_a_calendar_could_not_be_read_is_said_in_plain_words(Language language, string diego, string alex)
    {
        var world = await StartAsync();
        await using var app = world.App;
        world.Calendar.Unreadable.UnionWith([EmailOf(Diego), EmailOf(Alex)]);
        world.Calendar.UnreadableBecause[EmailOf(Diego)] = UnreadableReason.NotAllowed;

        var answer = await world.PlanAsync(language);

        answer.ShouldContain(diego);
        answer.ShouldContain(alex);
    }

    [Theory]
    [InlineData(Language.Dutch, "Alex Wilber kan ik in Teams niet bereiken")]
    [InlineData(Language.English, "I cannot reach Alex Wilber in Teams")]
    public async Task A_participant_without_a_Teams_id_is_named_to_the_coach_the_coach_and_no_card_is_queued_for_them(Language language, string expected)
    {
        var world = await StartAsync();
        await using var app = world.App;
        var alexId = world.Id(Alex);
        await app.QueryAsync(db => db.People.Where(p => p.Id == alexId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.TeamsUserId, (string?)null).SetProperty(p => p.AadObjectId, (string?)null)));

        var answer = await world.PlanAsync(language);

        answer.ShouldContain(expected);
        await world.CardWithAsync(Diego, "wanneer kan je?"); // Diego never wrote to the bot: his cards are in Dutch
        await world.SettleAsync();
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PersonId == alexId))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.State == OutboxState.Failed))).ShouldBe(0);

        // Diego and Nestor vote; the vote stays open for Alex until the deadline, then Nestor confirms and only the two get the link.
        var proposal = await world.ProposalAsync();
        var slots = await world.SlotIdsAsync();
        await world.VoteAsync(Diego, proposal.Id, slots, [slots[0]]);
        await world.VoteAsync(Nestor, proposal.Id, slots, [slots[0]]);
        app.Clock.SetUtcNow(proposal.VoteClosesAt.AddMinutes(1));
        await world.RunSweepAsync();
        (await world.ConfirmAsync(proposal.Id, slots[0])).StatusCode.ShouldBe(200);
        await world.CardWithAsync(Diego, "de intervisie is gepland");
        await world.SettleAsync();
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.PersonId == alexId))).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.State == OutboxState.Failed))).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "Intervisie Sint-Jozef: tussen maandag 16 maart en zondag 29 maart vond ik geen moment waarop iedereen")]
    [InlineData(Language.English, "Intervisie Sint-Jozef: between Monday 16 March and Sunday 29 March I found no time when everyone")]
    public async Task When_nobody_is_free_the_coach_the_coach_hears_it_and_nothing_is_proposed(Language language, string expected)
    {
        var world = await StartAsync();
        await using var app = world.App;
        foreach (var person in new[] { Nestor, Alex, Diego })
        {
            world.Calendar.Busy(EmailOf(person), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero));
        }

        (await world.PlanAsync(language)).ShouldStartWith(expected);

        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_participants_own_community_session_counts_as_busy_even_when_their_calendar_is_empty()
    {
        var world = await StartAsync();
        await using var app = world.App;
        // Wiskunde meets all of Monday 16 March, the first day of the search window: Alex cannot.
        await app.QueryAsync(async db =>
        {
            db.Sessions.Add(new Session
            {
                CommunityId = world.CommunityIds["wiskunde"], StartsAt = new DateTimeOffset(2026, 3, 16, 7, 0, 0, TimeSpan.Zero),
                Duration = TimeSpan.FromHours(11), CreatedAt = app.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        await world.PlanAsync();

        var slots = (await world.ProposalAsync()).Slots;
        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.StartsAt >= new DateTimeOffset(2026, 3, 16, 18, 0, 0, TimeSpan.Zero) || s.MissingPersonId == world.Id(Alex));
    }

    [Fact]
    public async Task Only_a_coach_the_coach_plans_and_only_in_a_personal_chat()
    {
        var world = await StartAsync();
        await using var app = world.App;

        (await world.PlanAsync(by: Alex)).ShouldBe("Je bent van geen enkele intervisiegroep de coach-the-coach.");
        await app.PostAsync(app.Teams.ChannelMention("intervisie plannen", Nestor));

        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0);
        world.Calendar.Requests.ShouldBeEmpty();
    }
}
