using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>Review 11: defects found in the weekly digest.</summary>
public sealed class Review11Tests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Consecutive_digest_periods_meet_around_Whit_Monday()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 6, 2, 12, 0));
        var calendar = app.Services.GetRequiredService<DigestCalendar>();
        var before = await calendar.PeriodOfAsync(TeamsActivities.TenantId, new DateOnly(2026, 5, 18), CancellationToken.None);
        var whit = await calendar.PeriodOfAsync(TeamsActivities.TenantId, new DateOnly(2026, 5, 25), CancellationToken.None); // sent Tuesday 26 May
        var after = await calendar.PeriodOfAsync(TeamsActivities.TenantId, new DateOnly(2026, 6, 1), CancellationToken.None);

        whit.From.ShouldBe(before.To, "Mon 18 May 07:30 – Tue 19 May 07:30 is in no digest");
        after.From.ShouldBe(whit.To, "Mon 25 May 07:30 – Tue 26 May 07:30 is in two digests");
    }

    [Fact]
    public async Task The_first_digest_after_the_Easter_holidays_covers_the_last_school_week_before_them()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 4, 20, 5, 30));
        var calendar = app.Services.GetRequiredService<DigestCalendar>();
        var lastBefore = await calendar.PeriodOfAsync(TeamsActivities.TenantId, new DateOnly(2026, 3, 30), CancellationToken.None); // made Mon 30 March
        var firstAfter = (await calendar.DueAtAsync(TeamsActivities.TenantId, app.Clock.GetUtcNow(), CancellationToken.None)).ShouldNotBeNull(); // Mon 20 April

        // Today it starts on 13 April: the school week 30 March – 3 April is reported in no digest at all.
        firstAfter.Period.From.ShouldBe(lastBefore.To);
    }

    [Fact]
    public async Task A_forged_monday_of_year_one_is_refused_not_a_server_error()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var press = app.Teams.Execute(DigestVerbs.Detail, new { communityId = world.C(Wiskunde), monday = "0001-01-01" }, "digest-1", Lynne);

        var response = await app.InvokeAsync(press);

        Agreements.AgreementWorld.MessageText(response)
            .ShouldBe("Over deze gemeenschap kan ik je geen details geven: ze hoort niet bij jouw weekoverzicht.");
    }

    [Fact]
    public async Task Digest_uit_after_a_late_digest_was_made_but_before_it_may_be_delivered_stops_it()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);
        // The host was down all week: made on Friday evening, it waits for Monday morning's first contact moment.
        await world.SweepAtAsync(Utc(2026, 3, 27, 21, 0));
        (await world.DigestsAsync()).ShouldContain(m => m.PersonId == world.Id(Lynne));
        app.Clock.SetUtcNow(Utc(2026, 3, 28, 10, 0));
        await app.PostAsync(app.Teams.Message("digest uit", Lynne));
        world.LastReplyTo(Lynne).ShouldContain("niet meer");

        app.Clock.SetUtcNow(Utc(2026, 3, 30, 7, 0));
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        (await world.DigestsAsync()).Where(m => m.PersonId == world.Id(Lynne)).ShouldAllBe(m => m.State != OutboxState.Sent);
    }

    [Fact]
    public async Task Digest_nu_after_this_weeks_digest_shows_that_digests_period_and_its_title_says_so()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 26, 12, 0));
        var calendar = app.Services.GetRequiredService<DigestCalendar>();
        var period = await calendar.NowAsync(TeamsActivities.TenantId, app.Clock.GetUtcNow(), CancellationToken.None); // Thu 26 March: Monday's digest was made
        var digest = new Digest(new DigestRecipient(1, TeamsActivities.TenantId, "X", Language.Dutch, DigestAudience.Leader, []), period, []);

        period.ShouldBe(await calendar.PeriodOfAsync(TeamsActivities.TenantId, new DateOnly(2026, 3, 23), CancellationToken.None));
        Agreements.AgreementWorld.Readable(DigestCards.Build(digest).Single().ToJson()).ShouldContain("Weekoverzicht 16 – 22 maart");
    }

    [Theory]
    [InlineData(Language.Dutch, "Weekoverzicht afgelopen 7 dagen", "afgelopen 7 dagen")]
    [InlineData(Language.English, "Your week, the last 7 days", "the last 7 days")]
    public async Task Digest_nu_before_this_weeks_digest_counts_the_last_seven_days_and_says_so_and_its_detail_counts_them_too(Language language, string title, string days)
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 23, 5, 0)); // Monday 06:00, before 07:30
        var world = await CreateAsync(app, language);
        await app.PostAsync(app.Teams.Message(language == Language.Dutch ? "digest nu" : "digest now", Lynne, language == Language.Dutch ? "nl-BE" : "en-GB"));
        var card = world.LastReplyTo(Lynne);
        card.ShouldContain(title);

        var period = await app.Services.GetRequiredService<DigestCalendar>().NowAsync(TeamsActivities.TenantId, app.Clock.GetUtcNow(), CancellationToken.None);
        period.From.ShouldBe(app.Clock.GetUtcNow().AddDays(-7));
        var button = DigestCards.Build(new Digest(
            new DigestRecipient(world.Id(Lynne), TeamsActivities.TenantId, "Lynne", language, DigestAudience.Leader, [world.C(Wiskunde)]),
            period,
            [DigestSamples.Healthy(world.C(Wiskunde), Wiskunde)])).Single().ToJson();
        button.ShouldContain("\"until\"");

        app.Clock.Advance(TimeSpan.FromHours(5)); // pressed later: still the same seven days
        var press = app.Teams.Execute(DigestVerbs.Detail, new { communityId = world.C(Wiskunde), monday = "2026-03-23", until = period.To }, "digest-1", Lynne);
        await app.InvokeAsync(press);
        var detail = world.LastReplyTo(Lynne);
        detail.ShouldContain(Wiskunde);
        detail.ShouldContain(days);
    }

    [Theory]
    [InlineData("2026-03-30", "2026-03-24T12:00Z")] // a Monday in the future
    [InlineData("2026-03-23", "2026-03-27T12:00Z")] // a moment that has not come
    [InlineData("2026-03-16", "2026-03-24T12:00Z")] // a moment outside that week
    public async Task A_forged_detail_period_is_refused(string monday, string until)
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 25, 12, 0));
        var world = await CreateAsync(app);
        var press = app.Teams.Execute(DigestVerbs.Detail, new { communityId = world.C(Wiskunde), monday, until = DateTimeOffset.Parse(until) }, "digest-1", Lynne);

        Agreements.AgreementWorld.MessageText(await app.InvokeAsync(press))
            .ShouldBe("Over deze gemeenschap kan ik je geen details geven: ze hoort niet bij jouw weekoverzicht.");
    }
}
