using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Tests.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.Tenants.TenantSettingsWorld;

namespace CommunityBot.Tests.Tenants;

/// <summary>What the admin saves on the settings card, the next sweep honours: no restart, no waiting for the cache.</summary>
public sealed class TenantSettingsSweepTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Later_quiet_hours_move_a_reminder_from_16_00_to_the_next_morning_when_they_end()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await MakeAdminAsync(app, world.Id(Coach));
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        // Seven days before Monday 23 March: Monday 16 March, 16:00 in Brussels (15:00 UTC).
        var reminderMoment = new DateTimeOffset(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

        CardJson(await SaveAsync(app, Coach, Language.Dutch, ("quietStart", "15:00"), ("quietEnd", "09:00"))).ShouldContain("✓ Opgeslagen");
        await world.AtAsync<ReminderSweep>(reminderMoment);
        var atFour = (await world.OutboxAsync()).Count(m => m.Purpose == "reminder");
        await world.AtAsync<ReminderSweep>(new DateTimeOffset(2026, 3, 17, 7, 59, 0, TimeSpan.Zero));
        var beforeNine = (await world.OutboxAsync()).Count(m => m.Purpose == "reminder");
        await world.AtAsync<ReminderSweep>(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero));

        atFour.ShouldBe(0, "16:00 is in the tenant's quiet hours now");
        beforeNine.ShouldBe(0);
        (await world.OutboxAsync()).Where(m => m.Purpose == "reminder").Select(m => m.PersonId).ShouldBe([world.Id(Megan)]);
    }

    [Fact]
    public async Task An_extra_day_off_chosen_after_the_round_was_planned_moves_its_opening_to_the_next_school_day()
    {
        var (app, world) = await CheckInWorld.CreateAsync();
        await using var _ = app;
        await MakeAdminAsync(app, world.Id(Coach));
        // Monday 23 March's session is held; the round is planned for Tuesday 24 March, 08:00 in Brussels.
        await world.AtAsync<HeldSessionsSweep>(new DateTimeOffset(2026, 3, 23, 18, 0, 0, TimeSpan.Zero));

        CardJson(await SaveAsync(app, Coach, Language.Dutch, ("holidays", "24/03/2026"))).ShouldContain("✓ Opgeslagen");
        await world.AtAsync<CheckInSweep>(new DateTimeOffset(2026, 3, 24, 7, 0, 0, TimeSpan.Zero));
        var onTheDayOff = await app.QueryAsync(db => db.CheckIns.CountAsync());
        await world.AtAsync<CheckInSweep>(new DateTimeOffset(2026, 3, 25, 6, 59, 0, TimeSpan.Zero));
        var beforeEight = await app.QueryAsync(db => db.CheckIns.CountAsync());
        await world.AtAsync<CheckInSweep>(new DateTimeOffset(2026, 3, 25, 7, 0, 0, TimeSpan.Zero));

        onTheDayOff.ShouldBe(0);
        beforeEight.ShouldBe(0);
        (await app.QueryAsync(db => db.CheckIns.SingleAsync())).OpensAt.ShouldBe(new DateTimeOffset(2026, 3, 25, 7, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(Language.Dutch, "Niet genoeg antwoorden om iets te tonen.")]
    [InlineData(Language.English, "Not enough answers to show anything.")]
    public async Task A_higher_k_hides_a_result_that_the_configured_k_would_show(Language language, string notEnough)
    {
        var (app, world) = await CheckInWorld.CreateAsync(language, minimumResponses: 3);
        await using var _ = app;
        await MakeAdminAsync(app, world.Id(Coach));
        var checkIn = await CheckInWorld.OpenAsync(app, world.CommunityId);
        foreach (var member in new[] { Megan, Adele, Tom })
        {
            await CheckInWorld.AnswerAsync(app, CheckInWorld.Form(app, checkIn, world.CommunityId, 4), member, language);
        }

        CardJson(await SaveAsync(app, Coach, language, ("k", "4"))).ShouldContain(language == Language.English ? "✓ Saved" : "✓ Opgeslagen");
        app.Clock.SetUtcNow(await app.QueryAsync(db => db.CheckIns.Where(c => c.Id == checkIn).Select(c => c.ClosesAt).SingleAsync()));
        await world.RunAsync<CheckInSweep>();

        var card = Readable((await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Purpose == CheckInResultSender.Purpose))).Card!.Value.GetRawText());
        card.ShouldContain(notEnough);
        card.ShouldNotContain("Chart.");
    }

    [Fact]
    public async Task A_later_digest_time_moves_the_digest_to_that_time()
    {
        // Sunday 22 March 2026; Monday 23 March 07:30 in Brussels is 06:30 UTC, 09:15 is 08:15 UTC.
        await using var app = await BotApplication.StartAsync(start: new DateTimeOffset(2026, 3, 22, 12, 0, 0, TimeSpan.Zero));
        var world = await Digests.DigestWorld.CreateAsync(app);
        await MakeAdminAsync(app, world.Id(Digests.DigestWorld.Lotte));

        CardJson(await SaveAsync(app, Digests.DigestWorld.Lotte, Language.Dutch, ("digestTime", "09:15"))).ShouldContain("✓ Opgeslagen");
        await world.SweepAtAsync(new DateTimeOffset(2026, 3, 23, 6, 30, 0, TimeSpan.Zero));
        var atHalfSeven = (await world.DigestsAsync()).Count;
        await world.SweepAtAsync(new DateTimeOffset(2026, 3, 23, 8, 15, 0, TimeSpan.Zero));

        atHalfSeven.ShouldBe(0);
        var made = await world.DigestsAsync();
        made.ShouldNotBeEmpty();
        made.ShouldAllBe(m => m.NextAttemptAt == new DateTimeOffset(2026, 3, 23, 8, 15, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData(Language.Dutch, "taal en")]
    [InlineData(Language.English, "language en")]
    public async Task A_language_the_tenant_switched_off_is_refused_and_new_people_get_the_first_one(Language language, string command)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await MakeAdminAsync(app, world.Id(Coach));

        CardJson(await SaveAsync(app, Coach, language, ("languages", "nl"))).ShouldContain(language == Language.English ? "✓ Saved" : "✓ Opgeslagen");
        await app.PostAsync(app.Teams.Message(command, Megan, Locale(language)));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.ConversationId == TeamsActivities.PersonalChatOf(Megan)), Timeout);
        await app.PostAsync(app.Teams.Message("help", TeamsActivities.Teacher, "en-US"));

        app.Connector.SentActivities.Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(Megan)).Activity!.Text.ShouldBe("Je scholengroep biedt die taal niet aan.");
        (await app.QueryAsync(db => db.People.SingleAsync(p => p.Id == world.Id(Megan)))).Language.ShouldBe(Language.Dutch);
        (await app.QueryAsync(db => db.People.SingleAsync(p => p.TeamsUserId == TeamsActivities.Teacher.Id))).Language.ShouldBe(Language.Dutch);
    }
}
