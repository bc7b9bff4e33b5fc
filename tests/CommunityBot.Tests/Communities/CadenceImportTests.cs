using System.Net;
using CommunityBot.Communities.Cadence;
using CommunityBot.Nudges;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Communities.ImportTests;

namespace CommunityBot.Tests.Communities;

/// <summary>The import sets a community's rhythm and planned session length (optional columns), and says clearly what is wrong.</summary>
public sealed class CadenceImportTests
{
    [Fact]
    public async Task A_CSV_file_sets_each_communitys_rhythm_and_session_length_and_leaves_the_defaults_where_it_says_nothing()
    {
        await using var app = await BotApplication.StartAsync();
        const string Csv = """
            type,name,cadence,cadence_count,session_hours
            community,Wiskunde eerste graad,school-year,5,"2,5"
            community,STEM-ontwerpers,weeks,4,3
            community,Aardrijkskunde,,,
            """;

        var (status, summary) = await ImportAsync(app, Csv, "text/csv");

        status.ShouldBe(HttpStatusCode.OK, string.Join("; ", summary?.Errors.Select(e => e.Reason) ?? []));
        var norms = await app.QueryAsync(db => db.Communities.OrderBy(c => c.Name).Select(c => new { c.Name, c.CadenceKind, c.CadenceCount, c.SessionDuration }).ToListAsync());
        norms.Select(n => (n.Name, n.CadenceKind, n.CadenceCount, n.SessionDuration)).ShouldBe(
        [
            ("Aardrijkskunde", CadenceKind.EveryNWeeks, 6, TimeSpan.FromHours(2.5)),
            ("STEM-ontwerpers", CadenceKind.EveryNWeeks, 4, TimeSpan.FromHours(3)),
            ("Wiskunde eerste graad", CadenceKind.PerSchoolYear, 5, TimeSpan.FromHours(2.5)),
        ]);
    }

    [Fact]
    public async Task A_JSON_file_with_numbers_changes_the_norm_of_a_community_with_sessions_and_moves_its_nudge_deadline()
    {
        await using var app = await BotApplication.StartAsync();
        await AgreementWorld.CreateAsync(app);
        const string Json = """{ "communities": [{ "name": "Wiskunde eerste graad", "cadenceCount": 4, "sessionHours": 2.25 }] }""";

        var (status, _) = await ImportAsync(app, Json, "application/json");

        status.ShouldBe(HttpStatusCode.OK);
        var community = await app.QueryAsync(db => db.Communities.SingleAsync());
        (community.CadenceKind, community.CadenceCount, community.SessionDuration).ShouldBe((CadenceKind.EveryNWeeks, 4, TimeSpan.FromMinutes(135)));
        // Four weeks after the last session (Monday 23 March), minus the week's warning.
        (await app.QueryAsync(db => db.Set<CadenceDeadline>().SingleAsync())).NudgeFrom.ShouldBe(AgreementWorld.NextSessionStart.AddDays(21));
    }

    [Fact]
    public async Task Bad_rhythms_and_lengths_are_reported_with_their_line_and_the_allowed_values_and_nothing_is_stored()
    {
        await using var app = await BotApplication.StartAsync();
        const string Csv = """
            type,name,cadence,cadence_count,session_hours
            community,Wiskunde eerste graad,monthly,,
            community,STEM-ontwerpers,weeks,14,5
            community,Aardrijkskunde,school-year,25,2.1
            community,Geschiedenis,,1,
            """;

        var (status, summary) = await ImportAsync(app, Csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.Select(e => $"{e.At}: {e.Reason}").ShouldBe(
        [
            "line 2: unknown cadence 'monthly' (weeks or school-year)",
            "line 3: cadence_count '14' must be a whole number of weeks from 2 to 12",
            "line 3: session_hours '5' must be from 1 to 4 hours in quarter hours (e.g. 2.5)",
            "line 4: cadence_count '25' must be a whole number of sessions per school year from 1 to 20",
            "line 4: session_hours '2.1' must be from 1 to 4 hours in quarter hours (e.g. 2.5)",
            "line 5: cadence_count '1' must be a whole number of weeks from 2 to 12",
        ], ignoreOrder: true);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
    }
}
