using System.Net;
using CommunityBot.CheckIns;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.CheckIns.CheckInWorld;
using static CommunityBot.Tests.Communities.ImportTests;

namespace CommunityBot.Tests.CheckIns;

/// <summary>
/// A community that checks in every N weeks: a held session plans no round; the sweep opens one N weeks after the last
/// round opened (or after the community was created), on the schedule's school morning.
/// </summary>
public sealed class CheckInRhythmTests
{
    /// <summary>Tuesday 31 March 2026, 08:00 in Brussels: the first school morning four weeks after the world was created (Monday 2 March, 10:00).</summary>
    private static readonly DateTimeOffset FourWeeksAfterCreation = new(2026, 3, 31, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Tuesday 28 April 2026, 08:00 in Brussels: four weeks after that round opened.</summary>
    private static readonly DateTimeOffset FourWeeksAfterThatRound = new(2026, 4, 28, 6, 0, 0, TimeSpan.Zero);

    private static Task<List<CheckIn>> RoundsAsync(BotApplication app) => app.QueryAsync(db => db.CheckIns.OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task A_four_weekly_community_opens_a_round_four_weeks_after_its_last_one_and_none_after_a_held_session()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        var (status, _) = await ImportAsync(app, """{ "communities": [{ "name": "Wiskunde eerste graad", "checkInEveryWeeks": 4 }] }""", "application/json");
        status.ShouldBe(HttpStatusCode.OK);

        // The session of Monday 23 March is held; the morning after opens nothing.
        await world.AtAsync<HeldSessionsSweep>(new DateTimeOffset(2026, 3, 23, 18, 0, 0, TimeSpan.Zero));
        await world.AtAsync<CheckInSweep>(new DateTimeOffset(2026, 3, 24, 7, 0, 0, TimeSpan.Zero));
        (await RoundsAsync(app)).ShouldBeEmpty();

        await world.AtAsync<CheckInSweep>(FourWeeksAfterCreation.AddMinutes(-1));
        (await RoundsAsync(app)).ShouldBeEmpty();
        await world.AtAsync<CheckInSweep>(FourWeeksAfterCreation);
        (await RoundsAsync(app)).Single().OpensAt.ShouldBe(FourWeeksAfterCreation);

        await world.AtAsync<CheckInSweep>(FourWeeksAfterThatRound.AddMinutes(-1));
        (await RoundsAsync(app)).Count.ShouldBe(1);
        await world.AtAsync<CheckInSweep>(FourWeeksAfterThatRound);
        (await RoundsAsync(app)).Select(r => (r.OpensAt, r.State)).ShouldBe(
            [(FourWeeksAfterCreation, CheckInState.Closed), (FourWeeksAfterThatRound, CheckInState.Open)]);
        // One waiting plan at a time, read by the sweep only once due.
        (await app.QueryAsync(db => db.CheckInPlans.Where(p => p.State == CheckInPlanState.Planned).Select(p => p.OpensAt).ToListAsync()))
            .ShouldBe([FourWeeksAfterThatRound.AddDays(28)]);
    }

    [Fact]
    public async Task The_import_reads_the_checkin_weeks_column_and_reports_a_bad_value_with_the_allowed_range()
    {
        await using var app = await BotApplication.StartAsync();
        const string Csv = """
            type,name,checkin_weeks
            community,Wiskunde eerste graad,6
            community,STEM-ontwerpers,
            community,Aardrijkskunde,13
            community,Geschiedenis,twee
            """;

        var (status, summary) = await ImportAsync(app, Csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.Select(e => $"{e.At}: {e.Reason}").ShouldBe(
        [
            "line 4: checkin_weeks '13' must be a whole number of weeks from 2 to 12",
            "line 5: checkin_weeks 'twee' must be a whole number of weeks from 2 to 12",
        ]);

        (status, summary) = await ImportAsync(app, string.Join('\n', Csv.Split('\n').Take(3)), "text/csv");

        status.ShouldBe(HttpStatusCode.OK, string.Join("; ", summary?.Errors.Select(e => e.Reason) ?? []));
        (await app.QueryAsync(db => db.Communities.OrderBy(c => c.Name).Select(c => c.CheckInEveryWeeks).ToListAsync())).ShouldBe([null, 6]);
    }
}
