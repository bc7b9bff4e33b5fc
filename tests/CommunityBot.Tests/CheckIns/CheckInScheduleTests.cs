using CommunityBot.CheckIns;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using CommunityBot.Tests.Delivery;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.CheckIns.CheckInWorld;

namespace CommunityBot.Tests.CheckIns;

/// <summary>
/// The check-in schedule: a round opens the school morning after a held session, reaches the active plain members
/// once, reminds those who have not answered once, and closes after its window, telling the listeners once.
/// </summary>
public sealed class CheckInScheduleTests
{
    /// <summary>Monday 23 March 2026 (the world's next session, 16:00–18:30 Brussels) is over by this moment.</summary>
    private static readonly DateTimeOffset AfterNextSession = new(2026, 3, 23, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Tuesday 24 March 2026, 08:00 in Brussels: the school morning after it.</summary>
    private static readonly DateTimeOffset MorningAfter = new(2026, 3, 24, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Thursday 26 March 2026, 08:00 in Brussels: two days after opening.</summary>
    private static readonly DateTimeOffset ReminderMoment = new(2026, 3, 26, 7, 0, 0, TimeSpan.Zero);

    private static async Task<List<OutboxMessage>> SentAsync(Agreements.AgreementWorld world, string purpose) =>
        [.. (await world.OutboxAsync()).Where(m => m.Purpose == purpose)];

    private static async Task HoldAndOpenAsync(Agreements.AgreementWorld world, DateTimeOffset heldAt, DateTimeOffset opensAt)
    {
        await world.AtAsync<HeldSessionsSweep>(heldAt);
        await world.AtAsync<CheckInSweep>(opensAt.AddMinutes(-1));
        (await world.App.QueryAsync(db => db.CheckIns.CountAsync())).ShouldBe(0);
        await world.AtAsync<CheckInSweep>(opensAt);
    }

    [Theory]
    [InlineData(Language.Dutch, "Check-in Wiskunde eerste graad", "Versturen")]
    [InlineData(Language.English, "Check-in Wiskunde eerste graad", "Send")]
    public async Task A_round_opens_the_school_morning_after_a_held_session_for_the_active_plain_members_only(Language language, string title, string send)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;
        // Tom is on a pause: he gets no card and does not count.
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(Tom))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.PausedFrom, BotApplication.Start)));

        await HoldAndOpenAsync(world, AfterNextSession, MorningAfter);

        var round = await app.QueryAsync(db => db.CheckIns.SingleAsync());
        (round.OpensAt, round.ClosesAt, round.InvitedCount, round.State).ShouldBe((MorningAfter, MorningAfter.AddDays(5), 2, CheckInState.Open));
        var cards = await SentAsync(world, "checkin");
        cards.Select(m => m.PersonId).Order().ShouldBe(new long?[] { world.Id(Megan), world.Id(Adele) }.Order());
        // A first message to a person opens their personal chat, which the delivery paces on the (fake) clock.
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var delivered = await SentAsync(world, "checkin");
        delivered.ShouldAllBe(m => m.State == OutboxState.Sent);
        foreach (var message in delivered)
        {
            var card = app.Connector.SentActivities.Single(a => a.ConversationId == message.SentConversationId && a.Activity?.Attachments is { Count: > 0 });
            var text = Readable(card.Activity!.Attachments![0].Content!.Value.GetRawText());
            text.ShouldContain(title);
            text.ShouldContain(send);
        }
    }

    [Fact]
    public async Task After_a_Friday_session_the_round_opens_on_Monday()
    {
        // Friday 20 March 2026, 16:00 Brussels; Monday 23 March 08:00.
        var (app, world) = await CreateAsync(nextStart: new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));
        await using var _ = app;

        await HoldAndOpenAsync(world, new DateTimeOffset(2026, 3, 20, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 23, 7, 0, 0, TimeSpan.Zero));

        (await app.QueryAsync(db => db.CheckIns.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Before_the_Easter_holiday_the_round_opens_on_the_first_school_day_after_it()
    {
        // Friday 3 April 2026, 16:00 Brussels; the Easter holiday runs to Sunday 19 April, so Monday 20 April 08:00.
        var (app, world) = await CreateAsync(nextStart: new DateTimeOffset(2026, 4, 3, 14, 0, 0, TimeSpan.Zero));
        await using var _ = app;

        await HoldAndOpenAsync(world, new DateTimeOffset(2026, 4, 3, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 20, 6, 0, 0, TimeSpan.Zero));

        (await app.QueryAsync(db => db.CheckIns.CountAsync())).ShouldBe(1);
        (await SentAsync(world, "checkin")).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(Language.Dutch, "Nog niet ingevuld? De check-in van Wiskunde eerste graad staat open tot")]
    [InlineData(Language.English, "Not answered yet? The check-in of Wiskunde eerste graad is open until")]
    public async Task One_reminder_goes_to_those_who_have_not_answered(Language language, string reminder)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;
        await HoldAndOpenAsync(world, AfterNextSession, MorningAfter);
        var checkInId = await app.QueryAsync(db => db.CheckIns.Select(c => c.Id).SingleAsync());
        await AnswerAsync(app, Form(app, checkInId, world.CommunityId, 4), Megan, language);
        (await ResponseCountAsync(app)).ShouldBe(1);

        await world.AtAsync<CheckInSweep>(ReminderMoment.AddMinutes(-1));
        (await SentAsync(world, "checkin-reminder")).ShouldBeEmpty();
        await world.AtAsync<CheckInSweep>(ReminderMoment);
        await world.AtAsync<CheckInSweep>(ReminderMoment.AddHours(1));
        await world.AtAsync<CheckInSweep>(ReminderMoment.AddDays(1));

        var reminders = await SentAsync(world, "checkin-reminder");
        reminders.Select(m => m.PersonId).Order().ShouldBe(new long?[] { world.Id(Adele), world.Id(Tom) }.Order());
        reminders.ShouldAllBe(m => m.Text!.StartsWith(reminder, StringComparison.Ordinal));
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        (await SentAsync(world, "checkin-reminder")).ShouldAllBe(m => m.State == OutboxState.Sent);
    }

    [Fact]
    public async Task A_round_closes_after_its_window_and_tells_the_listener_once()
    {
        var listener = new RecordingListener();
        var (app, world) = await CreateAsync(services: s => s.AddSingleton<ICheckInClosedListener>(listener));
        await using var _ = app;
        await HoldAndOpenAsync(world, AfterNextSession, MorningAfter);
        var closesAt = MorningAfter.AddDays(5);

        await world.AtAsync<CheckInSweep>(closesAt.AddMinutes(-1));
        listener.Closed.ShouldBeEmpty();
        await world.AtAsync<CheckInSweep>(closesAt);
        await world.AtAsync<CheckInSweep>(closesAt.AddMinutes(1));

        var round = await app.QueryAsync(db => db.CheckIns.SingleAsync());
        round.State.ShouldBe(CheckInState.Closed);
        listener.Closed.ShouldBe([round.Id]);
    }

    [Fact]
    public async Task Nothing_opens_twice()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        await HoldAndOpenAsync(world, AfterNextSession, MorningAfter);

        await world.AtAsync<CheckInSweep>(MorningAfter.AddMinutes(1));
        var again = await OpenAsync(app, world.CommunityId);

        var round = await app.QueryAsync(db => db.CheckIns.SingleAsync());
        again.ShouldBe(round.Id);
        (await SentAsync(world, "checkin")).Count.ShouldBe(3);
        // Whatever opens a round, the database refuses a second open one for the community.
        await Should.ThrowAsync<DbUpdateException>(() => app.QueryAsync(db =>
        {
            db.CheckIns.Add(new CheckIn { CommunityId = world.CommunityId, OpensAt = MorningAfter, ClosesAt = MorningAfter.AddDays(5), State = CheckInState.Open, InstrumentVersion = 1 });
            return db.SaveChangesAsync();
        }));
    }

    private sealed class RecordingListener : ICheckInClosedListener
    {
        public List<long> Closed { get; } = [];

        public Task ClosedAsync(long checkInId, CancellationToken ct)
        {
            Closed.Add(checkInId);
            return Task.CompletedTask;
        }
    }
}
