using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Localization;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// Reminders and the briefing around the Christmas holiday of 2025–2026, 22 December 2025 – 4 January 2026 (from
/// FlemishSchoolCalendar, checked against the published calendar in FlemishSchoolCalendarTests).
/// </summary>
public sealed class HolidayReminderTests
{
    /// <summary>Monday 1 December 2025, 10:00 in Brussels.</summary>
    private static readonly DateTimeOffset December = new(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Friday 19 December 2025, 16:00 in Brussels: the last school day before the holiday.</summary>
    private static readonly DateTimeOffset LastSchoolDay = new(2025, 12, 19, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_session_on_5_January_2026_is_announced_on_the_last_school_day_before_Christmas_and_nothing_comes_in_the_holiday()
    {
        await using var app = await BotApplication.StartAsync(start: December);
        var world = await CreateAsync(app, heldStart: new DateTimeOffset(2025, 11, 27, 15, 0, 0, TimeSpan.Zero), nextStart: new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero));
        await app.QueryAsync(db => db.People.Where(p => p.Id == world.Id(Adele))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, Language.English).SetProperty(p => p.LanguageChosen, true)));
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");

        await world.AtAsync<ReminderSweep>(LastSchoolDay.AddMinutes(-1));
        await world.RunAsync<BriefingSweep>();
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "reminder" || m.Purpose == "briefing");

        await world.AtAsync<ReminderSweep>(LastSchoolDay);
        await world.RunAsync<BriefingSweep>();
        var sent = (await world.OutboxAsync()).Where(m => m.Purpose is "reminder" or "briefing").ToList();
        sent.Select(m => (m.Purpose, m.PersonId)).ShouldBe(
            [("reminder", world.Id(Megan)), ("reminder", world.Id(Adele)), ("briefing", world.Id(Coach))], ignoreOrder: true);
        // Read in December 2025, the session's date carries its year.
        Readable(sent.Single(m => m.PersonId == world.Id(Megan)).Card?.GetRawText())
            .ShouldContain("Na de vakantie komen jullie samen op maandag 5 januari 2026, 16:00.");
        Readable(sent.Single(m => m.PersonId == world.Id(Adele)).Card?.GetRawText())
            .ShouldContain("After the holiday you meet on Monday 5 January 2026, 16:00.");
        Readable(sent.Single(m => m.Purpose == "briefing").Card?.GetRawText())
            .ShouldContain("Na de vakantie komen jullie samen op maandag 5 januari 2026, 16:00.");

        // Every day of the holiday at 16:00, and the morning of the session: nothing more.
        for (var day = LastSchoolDay.AddDays(1); day <= LastSchoolDay.AddDays(17); day = day.AddDays(1))
        {
            await world.AtAsync<ReminderSweep>(day.AddHours(day.Day == 5 ? -6 : 0));
            await world.RunAsync<BriefingSweep>();
        }
        (await world.OutboxAsync()).Count(m => m.Purpose is "reminder" or "briefing").ShouldBe(3);
        (await app.QueryAsync(db => db.ReminderPlans.AsNoTracking().Where(p => p.PersonId == world.Id(Megan)).OrderBy(p => p.OffsetDays).ToListAsync()))
            .Select(p => (p.OffsetDays, p.State)).ShouldBe([(2, ReminderState.Sent), (7, ReminderState.Skipped)]);
    }
}
