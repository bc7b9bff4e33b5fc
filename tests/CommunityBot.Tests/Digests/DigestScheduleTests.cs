using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>
/// The weekly digest: made once per tenant and week at the local moment (Monday 07:30 in Brussels by default), across
/// DST, holidays, restarts and failures; delivered at that moment, not held until the quiet hours end (08:00).
/// </summary>
public sealed class DigestScheduleTests
{
    private const int Recipients = 6;

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // The last Sunday of March: the Monday before is CET (07:30 = 06:30 UTC), the Monday after CEST (05:30 UTC).
    [InlineData("2026-03-22", "2026-03-23T06:30", "2026-03-23T06:30", "2026-W13", "2026-03-30T05:30", "2026-03-30T05:30", "2026-W14")]
    // The last Sunday of October: CEST before, CET after.
    [InlineData("2026-10-18", "2026-10-19T05:30", "2026-10-19T05:30", "2026-W43", "2026-10-26T06:30", "2026-10-26T06:30", "2026-W44")]
    public async Task The_digest_is_made_and_delivered_on_Monday_at_07_30_Brussels_time_before_and_after_the_DST_change(
        string sunday, string firstMake, string firstDeliver, string firstWeek, string secondMake, string secondDeliver, string secondWeek)
    {
        await using var app = await BotApplication.StartAsync(start: DateTimeOffset.Parse(sunday + "T12:00Z"));
        var world = await CreateAsync(app);

        await world.SweepAtAsync(DateTimeOffset.Parse(firstMake + "Z").AddMinutes(-1));
        (await world.DigestsAsync()).ShouldBeEmpty("a minute early");
        await world.SweepAtAsync(DateTimeOffset.Parse(firstMake + "Z"));
        await world.SweepAtAsync(DateTimeOffset.Parse(firstMake + "Z").AddMinutes(1));
        var first = await world.DigestsAsync();
        await world.SweepAtAsync(DateTimeOffset.Parse(secondMake + "Z").AddMinutes(-1));
        (await world.DigestsAsync()).Count.ShouldBe(Recipients, "nothing more until the next Monday's moment");
        await world.SweepAtAsync(DateTimeOffset.Parse(secondMake + "Z"));
        var second = (await world.DigestsAsync()).Skip(Recipients).ToList();

        first.Count.ShouldBe(Recipients);
        first.ShouldAllBe(m => m.DedupeKey.EndsWith(":" + firstWeek, StringComparison.Ordinal));
        first.ShouldAllBe(m => m.NextAttemptAt == DateTimeOffset.Parse(firstDeliver + "Z").ToUnixTimeMilliseconds());
        second.Count.ShouldBe(Recipients);
        second.ShouldAllBe(m => m.DedupeKey.EndsWith(":" + secondWeek, StringComparison.Ordinal));
        second.ShouldAllBe(m => m.NextAttemptAt == DateTimeOffset.Parse(secondDeliver + "Z").ToUnixTimeMilliseconds());
        first.Select(m => m.PersonId).Order().ShouldBe(second.Select(m => m.PersonId).Order());
    }

    [Fact]
    public async Task The_period_is_the_seven_local_days_before_the_moment_also_across_the_DST_change()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 30, 5, 30));
        var calendar = app.Services.GetRequiredService<DigestCalendar>();

        var week = (await calendar.DueAtAsync(TeamsActivities.TenantId, app.Clock.GetUtcNow(), CancellationToken.None)).ShouldNotBeNull();

        week.Period.Monday.ShouldBe(new DateOnly(2026, 3, 30));
        week.Period.From.ShouldBe(Utc(2026, 3, 23, 6, 30), "Monday 23 March 07:30 CET, where the previous digest's period ended");
        week.Period.To.ShouldBe(Utc(2026, 3, 30, 5, 30));
        week.Period.WeekKey.ShouldBe("2026-W14");
    }

    [Fact]
    public async Task No_digest_comes_in_the_two_Easter_holiday_weeks_and_the_next_comes_on_the_Monday_after()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 4, 5, 12, 0));
        var world = await CreateAsync(app);

        foreach (var moment in new[] { Utc(2026, 4, 6, 5, 30), Utc(2026, 4, 6, 9, 0), Utc(2026, 4, 10, 15, 0), Utc(2026, 4, 13, 5, 30), Utc(2026, 4, 17, 21, 0) })
        {
            await world.SweepAtAsync(moment);
        }
        (await world.DigestsAsync()).ShouldBeEmpty();
        await world.SweepAtAsync(Utc(2026, 4, 20, 5, 30));

        var digests = await world.DigestsAsync();
        digests.Count.ShouldBe(Recipients);
        digests.ShouldAllBe(m => m.DedupeKey.EndsWith(":2026-W17", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_that_sends_in_holidays_gets_its_digest_on_the_holiday_Monday()
    {
        await using var app = await BotApplication.StartAsync(
            s => s[$"Digests:Tenants:{TeamsActivities.TenantId}:SendInHolidays"] = "true", start: Utc(2026, 4, 5, 12, 0));
        var world = await CreateAsync(app);

        await world.SweepAtAsync(Utc(2026, 4, 13, 5, 30));

        var digests = await world.DigestsAsync();
        digests.Count.ShouldBe(Recipients);
        digests.ShouldAllBe(m => m.DedupeKey.EndsWith(":2026-W16", StringComparison.Ordinal));
    }

    [Theory]
    // Easter 2025 is late: the two holiday weeks end on Easter Sunday, and Easter Monday (21 April) is the week's only day off.
    // The last digest before it was made on Monday 31 March, before the two weeks of Easter holidays.
    [InlineData("2025-04-20", "2025-04-22", "2025-W17", "2025-03-31")]
    // Whit Monday 2026 (25 May).
    [InlineData("2026-05-24", "2026-05-26", "2026-W22", "2026-05-18")]
    public async Task When_the_Monday_is_a_day_off_the_digest_comes_on_Tuesday_at_the_same_time(string sunday, string tuesday, string weekKey, string previousMonday)
    {
        await using var app = await BotApplication.StartAsync(start: DateTimeOffset.Parse(sunday + "T12:00Z"));
        var world = await CreateAsync(app);
        var monday = DateTimeOffset.Parse(sunday + "T05:30Z").AddDays(1);
        var tuesdayAt0730 = DateTimeOffset.Parse(tuesday + "T05:30Z");

        await world.SweepAtAsync(monday);
        await world.SweepAtAsync(monday.AddHours(10));
        await world.SweepAtAsync(tuesdayAt0730.AddMinutes(-1));
        (await world.DigestsAsync()).ShouldBeEmpty();
        await world.SweepAtAsync(tuesdayAt0730);

        var digests = await world.DigestsAsync();
        digests.Count.ShouldBe(Recipients);
        digests.ShouldAllBe(m => m.DedupeKey.EndsWith(":" + weekKey, StringComparison.Ordinal));
        var calendar = app.Services.GetRequiredService<DigestCalendar>();
        var week = (await calendar.DueAtAsync(TeamsActivities.TenantId, tuesdayAt0730, CancellationToken.None)).ShouldNotBeNull();
        // From where the previous digest ended: no day left out, none counted twice.
        week.Period.From.ShouldBe((await calendar.PeriodOfAsync(TeamsActivities.TenantId, DateOnly.Parse(previousMonday), CancellationToken.None)).To);
        week.Period.From.ShouldBe(DateTimeOffset.Parse(previousMonday + "T05:30Z"));
    }

    [Fact]
    public async Task A_host_down_on_Monday_sends_the_digest_when_it_comes_back_that_week()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);

        await world.SweepAtAsync(Utc(2026, 3, 27, 21, 0));

        var digests = await world.DigestsAsync();
        digests.Count.ShouldBe(Recipients);
        digests.ShouldAllBe(m => m.DedupeKey.EndsWith(":2026-W13", StringComparison.Ordinal));
        digests.ShouldAllBe(m => m.NextAttemptAt == Utc(2026, 3, 30, 6, 0).ToUnixTimeMilliseconds(), "Friday 22:00 is quiet: Monday 08:00 CEST, the next contact moment");
    }

    [Fact]
    public async Task A_digest_made_late_on_its_morning_is_delivered_right_away()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);

        await world.SweepAtAsync(Utc(2026, 3, 23, 6, 50));

        (await world.DigestsAsync()).ShouldAllBe(m => m.NextAttemptAt == Utc(2026, 3, 23, 6, 50).ToUnixTimeMilliseconds(), "07:50 in Brussels: now, not at 08:00");
    }

    [Fact]
    public async Task A_host_down_until_Saturday_skips_that_weeks_digest_and_sends_the_next_one()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);

        await world.SweepAtAsync(Utc(2026, 3, 28, 0, 0));
        await world.SweepAtAsync(Utc(2026, 3, 29, 20, 0));
        (await world.DigestsAsync()).ShouldBeEmpty();
        await world.SweepAtAsync(Utc(2026, 3, 30, 5, 30));

        (await world.DigestsAsync()).ShouldAllBe(m => m.DedupeKey.EndsWith(":2026-W14", StringComparison.Ordinal));
        (await world.DigestsAsync()).Count.ShouldBe(Recipients);
    }

    [Fact]
    public async Task A_new_host_on_the_same_database_file_sends_no_second_digest_that_week()
    {
        var path = Path.Combine(Path.GetTempPath(), $"communitybot-digest-restart-{Guid.NewGuid():N}.db");
        try
        {
            void SameFile(IDictionary<string, string?> s) => s["Storage:ConnectionString"] = $"Data Source={path}";
            List<OutboxMessage> before;
            await using (var first = await BotApplication.StartAsync(SameFile, start: Utc(2026, 3, 22, 12, 0)))
            {
                var world = await CreateAsync(first);
                await world.SweepAtAsync(Utc(2026, 3, 23, 6, 30));
                before = await world.DigestsAsync();
            }
            await using var second = await BotApplication.StartAsync(SameFile, start: Utc(2026, 3, 23, 6, 45));

            foreach (var moment in new[] { Utc(2026, 3, 23, 6, 45), Utc(2026, 3, 24, 9, 0), Utc(2026, 3, 27, 15, 0) })
            {
                second.Clock.SetUtcNow(moment);
                await SweepAsync(second);
            }

            before.Count.ShouldBe(Recipients);
            var after = await second.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Purpose == DigestSweep.Purpose).ToListAsync());
            after.Select(m => m.DedupeKey).Order().ShouldBe(before.Select(m => m.DedupeKey).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task A_run_that_fails_before_its_commit_leaves_nothing_and_the_next_run_sends_every_digest()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults), start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);
        faults.FailOnce("INSERT INTO \"OutboxMessages\"");

        // The failure is logged, not thrown: the tenants after this one still get theirs.
        await world.SweepAtAsync(Utc(2026, 3, 23, 6, 30));
        (await world.DigestsAsync()).ShouldBeEmpty();
        (await app.QueryAsync(db => db.Set<DigestRun>().CountAsync())).ShouldBe(0);
        await world.SweepAtAsync(Utc(2026, 3, 23, 6, 31));

        (await world.DigestsAsync()).Count.ShouldBe(Recipients);
        (await app.QueryAsync(db => db.Set<DigestRun>().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_digests_reach_each_recipients_personal_chat_at_07_30_before_the_quiet_hours_end()
    {
        await using var app = await BotApplication.StartAsync(start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);
        await world.SweepAtAsync(Utc(2026, 3, 23, 6, 30));

        // A first message to a person opens their personal chat, which the delivery paces on the (fake) clock.
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        app.Clock.GetUtcNow().ShouldBeLessThan(Utc(2026, 3, 23, 7, 0), "delivered before 08:00 Brussels time");
        var digests = await world.DigestsAsync();
        digests.ShouldAllBe(m => m.State == OutboxState.Sent);
        var lynne = digests.Single(m => m.PersonId == world.Id(Lynne)).Card!.Value.GetRawText();
        lynne.ShouldContain(Wiskunde);
        lynne.ShouldContain(Nederlands);
        lynne.ShouldNotContain(Frans);
    }

    [Fact]
    public async Task When_no_digest_is_due_the_sweep_is_one_query_and_after_the_week_is_made_two()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults), start: Utc(2026, 3, 22, 12, 0));
        var world = await CreateAsync(app);

        async Task<int> QueriesAtAsync(DateTimeOffset moment)
        {
            faults.Commands.Clear();
            using (faults.Record())
            {
                await world.SweepAtAsync(moment);
            }
            return faults.Commands.Count;
        }

        // Each sweep here is hours after the last, so the tenants' settings (cached for two minutes) are read again: one query for all.
        (await QueriesAtAsync(Utc(2026, 3, 23, 6, 0))).ShouldBe(2, "Monday before 07:30: only the tenants and their settings are read");
        await world.SweepAtAsync(Utc(2026, 3, 23, 6, 30));
        (await QueriesAtAsync(Utc(2026, 3, 24, 9, 0))).ShouldBe(3, "made this week: the tenants, their settings and the week's claims");
        (await QueriesAtAsync(Utc(2026, 3, 28, 9, 0))).ShouldBe(2, "Saturday: nothing can be due");
        (await QueriesAtAsync(Utc(2026, 3, 28, 9, 1))).ShouldBe(1, "the next minute the settings are still cached");
    }

    internal static async Task SweepAsync(BotApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestSweep>().RunAsync(CancellationToken.None);
    }
}
