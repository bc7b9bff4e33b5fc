using System.Net;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Tests.Communities;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.IntervisionWorld;

namespace CommunityBot.Tests.Intervision;

/// <summary>Groups come from the import and are edited on a card by their coach-the-coach or an admin; the cadence proposes by itself.</summary>
public sealed class IntervisionGroupTests
{
    private static string Sample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(directory!.FullName, "samples")))
        {
            directory = directory.Parent;
        }
        return File.ReadAllText(Path.Combine(directory.FullName, "samples", name));
    }

    [Theory]
    [InlineData("import-intervision.csv", "text/csv")]
    [InlineData("import-intervision.json", "application/json")]
    public async Task The_import_creates_a_group_with_its_settings_and_coaches_and_importing_again_changes_nothing(string file, string mediaType)
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportTests.ImportAsync(app, Sample(file), mediaType);
        var (again, second) = await ImportTests.ImportAsync(app, Sample(file), mediaType);

        status.ShouldBe(HttpStatusCode.OK);
        (summary!.IntervisionGroupsCreated, summary.IntervisionMembersCreated).ShouldBe((1, 2));
        again.ShouldBe(HttpStatusCode.OK);
        (second!.IntervisionGroupsCreated, second.IntervisionGroupsUpdated, second.IntervisionMembersCreated).ShouldBe((0, 1, 0));
        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().Include(g => g.CoachTheCoach).Include(g => g.Members).ThenInclude(m => m.Person).SingleAsync());
        group.ShouldSatisfyAllConditions(
            g => g.Name.ShouldBe("Intervisie Noord"),
            g => g.CoachTheCoach.Email.ShouldBe("nele.wouters@school.be"),
            g => (g.CadenceWeeks, g.DurationMinutes, g.DayStart, g.DayEnd).ShouldBe((8, 120, new TimeOnly(13, 0), new TimeOnly(17, 0))),
            g => g.Days.ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], ignoreOrder: true),
            g => g.Members.Select(m => m.Person.Email).ShouldBe(["leen.peeters@school.be", "tom.claes@school.be"], ignoreOrder: true),
            g => g.NextProposalAt.ShouldBe(BotApplication.Start.AddDays(56)));
    }

    [Fact]
    public async Task A_bad_intervision_row_fails_the_whole_import_naming_each_line()
    {
        await using var app = await BotApplication.StartAsync();
        const string csv = """
            type,name,email,community,role,cadence_count,duration_minutes,working_days,working_hours,intervision
            community,Wiskunde eerste graad,,,,,,,,
            person,Leen Peeters,leen.peeters@school.be,,,,,,,
            person,Megan Bowen,megan.bowen@school.be,,,,,,,
            membership,,leen.peeters@school.be,Wiskunde eerste graad,coach,,,,,
            membership,,megan.bowen@school.be,Wiskunde eerste graad,member,,,,,
            intervision,Intervisie Noord,nobody@school.be,,,3,95,ma-xx,17:00-09:00,
            intervision-member,,megan.bowen@school.be,,,,,,,Intervisie Noord
            intervision-member,,leen.peeters@school.be,,,,,,,Intervisie Zuid
            """;

        var (status, summary) = await ImportTests.ImportAsync(app, csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.Select(e => (e.At, e.Reason)).ShouldBe(
        [
            ("line 7", "unknown person 'nobody@school.be'"),
            ("line 7", "cadence_count '3' must be a whole number of weeks from 4 to 12"),
            ("line 7", "duration_minutes '95' must be one of 60, 75, 90, 105, 120, 150, 180"),
            ("line 7", "working_days 'ma-xx' must name days, e.g. ma-vr or mon,wed"),
            ("line 7", "working_hours '17:00-09:00' must be a start before an end, e.g. 09:00-17:00"),
            ("line 8", "'megan.bowen@school.be' is no process coach of any community"),
            ("line 9", "unknown intervision group 'Intervisie Zuid'"),
        ], ignoreOrder: true);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<IntervisionGroup>().CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "Intervisiegroep Intervisie Sint-Jozef", "Procescoaches", "om de 8 weken", "✓ Opgeslagen.")]
    [InlineData(Language.English, "Intervision group Intervisie Sint-Jozef", "Process coaches", "every 8 weeks", "✓ Saved.")]
    public async Task The_coach_the_coach_changes_the_group_on_its_card(Language language, string title, string coaches, string eightWeeks, string saved)
    {
        var world = await StartAsync();
        await using var app = world.App;
        await IntervisionVoteTests.SetLanguageAsync(world, language);

        await app.PostAsync(app.Teams.Message(language == Language.English ? "intervision group" : "intervisiegroep", Nestor, Locale(language)));
        var card = await world.CardWithAsync(Nestor, title);
        var answer = CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.SaveGroup, Form(world, world.Id(Alex).ToString(System.Globalization.CultureInfo.InvariantCulture)), "group-card", Nestor, Locale(language))));

        card.ShouldContain(coaches);
        card.ShouldContain(eightWeeks);
        card.ShouldContain($"\"value\":\"{world.Id(Alex)},{world.Id(Diego)}\"");
        answer.ShouldContain(saved);
        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().Include(g => g.Members).SingleAsync());
        (group.CadenceWeeks, group.DurationMinutes, group.DayStart, group.DayEnd).ShouldBe((8, 120, new TimeOnly(10, 0), new TimeOnly(16, 0)));
        group.Days.ShouldBe([DayOfWeek.Tuesday, DayOfWeek.Thursday], ignoreOrder: true);
        group.Members.Select(m => m.PersonId).ShouldBe([world.Id(Alex)]);
        group.NextProposalAt.ShouldBe(BotApplication.Start.AddDays(56));
    }

    [Fact]
    public async Task Anyone_else_is_refused_and_a_non_coach_cannot_be_added_and_nothing_changes()
    {
        var world = await StartAsync();
        await using var app = world.App;

        await app.PostAsync(app.Teams.Message("intervisiegroep", Alex));
        var refused = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.SaveGroup, Form(world, $"{world.Id(Alex)}"), "group-card", Alex));
        var megan = CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.SaveGroup, Form(world, $"{world.Id(Alex)},{world.Id(Megan)}"), "group-card", Nestor)));
        var badHours = CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.SaveGroup, Form(world, $"{world.Id(Alex)}", dayEnd: "10:30"), "group-card", Nestor)));
        var unknown = await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.SaveGroup, Form(world, "", groupId: world.GroupId + 100), "group-card", Nestor));

        world.Texts(Alex).ShouldContain("Je beheert geen enkele intervisiegroep.");
        MessageText(refused).ShouldBe("Die intervisiegroep ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.");
        megan.ShouldContain("Kies procescoaches uit de lijst.");
        badHours.ShouldContain("Kies een begin vóór het einde, lang genoeg voor de duur.");
        MessageText(unknown).ShouldBe("Die intervisiegroep ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.");
        var group = await app.QueryAsync(db => db.Set<IntervisionGroup>().Include(g => g.Members).SingleAsync());
        (group.CadenceWeeks, group.DurationMinutes).ShouldBe((6, 90));
        group.Members.Select(m => m.PersonId).ShouldBe([world.Id(Alex), world.Id(Diego)], ignoreOrder: true);

        // A tenant admin may.
        await app.QueryAsync(db => db.People.Where(p => p.TeamsUserId == Alex.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsTenantAdmin, true)));
        CardJson(await app.InvokeAsync(app.Teams.Execute(IntervisionVerbs.SaveGroup, Form(world, $"{world.Id(Alex)}"), "group-card", Alex))).ShouldContain("✓ Opgeslagen.");
    }

    [Fact]
    public async Task The_schedule_proposes_when_the_cadence_is_due_on_a_school_day_outside_quiet_hours_and_only_once()
    {
        // Saturday 11 April 2026 would be due, in the Easter holiday; the first school morning is Monday 20 April.
        var world = await StartAsync();
        await using var app = world.App;
        var due = new DateTimeOffset(2026, 4, 11, 8, 0, 0, TimeSpan.Zero);
        await app.QueryAsync(db => db.Set<IntervisionGroup>().ExecuteUpdateAsync(set => set.SetProperty(g => g.NextProposalAt, (DateTimeOffset?)due)));

        app.Clock.SetUtcNow(due);
        await world.RunSweepAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 4, 0, 0, TimeSpan.Zero));
        await world.RunSweepAsync();
        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(0);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 7, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(world.RunSweepAsync(), world.RunSweepAsync());
        await world.RunSweepAsync();

        (await app.QueryAsync(db => db.Set<IntervisionProposal>().CountAsync())).ShouldBe(1);
        (await app.QueryAsync(db => db.Set<IntervisionGroup>().SingleAsync())).NextProposalAt.ShouldBeNull();
        await world.UntilAsync(() => world.Texts(Nestor).Any(t => t.Contains("momenten voorgesteld", StringComparison.Ordinal)));
        await world.CardWithAsync(Diego, "wanneer kan je?");
        await world.SettleAsync();
        world.Texts(Nestor).Count(t => t.Contains("momenten voorgesteld", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void Every_intervision_card_is_valid_for_the_official_renderer_and_names_who_cannot_come()
    {
        var zone = CommunityBot.Schedule.LocalClock.Zone("Europe/Brussels");
        var start = new DateTimeOffset(2026, 3, 17, 13, 0, 0, TimeSpan.Zero);
        ProposalPerson[] people =
        [
            new(1, "Nestor Wilke", "29:nestor", null, Language.Dutch, "nestor@school.test", true),
            new(2, "Alex Wilber", "29:alex", null, Language.Dutch, "alex@school.test", true),
            new(3, "Diego Siciliani", "29:diego", null, Language.English, null, false),
        ];
        SlotView[] slots =
        [
            new(10, start, start.AddMinutes(90), null, [1, 2]),
            new(11, start.AddDays(1), start.AddDays(1).AddMinutes(90), "Diego Siciliani", [2]),
            new(12, start.AddDays(2), start.AddDays(2).AddMinutes(90), null, []),
        ];
        ProposalView View(ProposalState state) => new(5, 1, TeamsActivities.TenantId, "Intervisie Sint-Jozef", Language.Dutch, zone, 1, state, start.AddDays(-7), 3,
            slots, people, state == ProposalState.Voting ? null : 10, state == ProposalState.Booked ? start : null, state == ProposalState.Booked ? start.AddMinutes(90) : null,
            state == ProposalState.Booked ? "https://teams.microsoft.com/l/meetup-join/x" : null) { ReadAt = BotApplication.Start };
        var group = new IntervisionGroup { Id = 1, TenantId = TeamsActivities.TenantId, Name = "Intervisie Sint-Jozef" };
        var sheet = new GroupSheet(group, "Nestor Wilke", [new GroupCoach(2, "Alex Wilber")], [new GroupCoach(3, "Diego Siciliani")]);
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var state in new[] { ProposalState.Voting, ProposalState.AwaitingConfirmation, ProposalState.Booked, ProposalState.Cancelled })
            {
                cards[$"vote-{state}-{language}"] = VoteCard.Build(View(state), 2, language);
            }
            cards[$"confirm-{language}"] = ConfirmCard.Build(View(ProposalState.AwaitingConfirmation), language);
            cards[$"booked-{language}"] = BookedCard.Build(View(ProposalState.Booked), language);
            cards[$"booked-organizer-{language}"] = BookedCard.Build(View(ProposalState.Booked), language, "Verplaatst naar …", viewerId: 1);
            cards[$"group-{language}"] = GroupCard.Build(sheet, language);
            cards[$"group-errors-{language}"] = GroupCard.Build(sheet, language, ["Kies minstens één dag."], saved: false);
        }

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
        Readable(VoteCard.Build(View(ProposalState.Voting), 2, Language.Dutch).ToJson()).ShouldContain("wo 18/3, 14:00–15:30 (zonder Diego Siciliani)");
        Readable(VoteCard.Build(View(ProposalState.Voting), 2, Language.English).ToJson()).ShouldContain("Wed 18/3, 14:00–15:30 (without Diego Siciliani)");
        Readable(ConfirmCard.Build(View(ProposalState.AwaitingConfirmation), Language.Dutch).ToJson()).ShouldContain("\"value\":\"2 stemmen: Nestor, Alex\"");
    }

    private static Dictionary<string, object> Form(IntervisionWorld world, string coaches, string dayEnd = "16:00", long? groupId = null) => new()
    {
        ["groupId"] = groupId ?? world.GroupId,
        ["coaches"] = coaches,
        ["cadence"] = "8",
        ["duration"] = "120",
        ["days"] = "2,4",
        ["dayStart"] = "10:00",
        ["dayEnd"] = dayEnd,
    };
}
