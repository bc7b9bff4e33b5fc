using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Communities;
using CommunityBot.Communities.Import;
using CommunityBot.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Communities;

public sealed class ImportTests
{
    private const string Tenant = TeamsActivities.TenantId;

    private static string Sample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(directory!.FullName, "samples")))
        {
            directory = directory.Parent;
        }
        return File.ReadAllText(Path.Combine(directory.FullName, "samples", name));
    }

    internal static Task<(HttpStatusCode Status, ImportSummary? Summary)> ImportAsync(BotApplication app, string body, string mediaType, string? key = null) =>
        ImportAsync(app, new StringContent(body, Encoding.UTF8), mediaType, key);

    internal static async Task<(HttpStatusCode Status, ImportSummary? Summary)> ImportAsync(BotApplication app, HttpContent content, string mediaType, string? key = null)
    {
        using var client = app.CreateClient();
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/import?tenant={Tenant}") { Content = content };
        if (key is not null)
        {
            request.Headers.Add(ImportEndpoint.KeyHeader, key);
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Content.Headers.ContentLength > 0
            ? await response.Content.ReadFromJsonAsync<ImportSummary>(TestContext.Current.CancellationToken) : null);
    }

    [Fact]
    public async Task An_import_gives_and_takes_away_tenant_admin_rights_and_an_empty_cell_leaves_them()
    {
        await using var app = await BotApplication.StartAsync();
        const string Header = "type,name,email,admin\n";
        async Task<bool> AdminAfterAsync(string admin)
        {
            (await ImportAsync(app, Header + $"person,Ann Peeters,ann.peeters@school.be,{admin}\n", "text/csv")).Status.ShouldBe(HttpStatusCode.OK);
            return await app.QueryAsync(db => db.People.Where(p => p.Email == "ann.peeters@school.be").Select(p => p.IsTenantAdmin).SingleAsync());
        }

        (await AdminAfterAsync("ja")).ShouldBeTrue();
        (await AdminAfterAsync("")).ShouldBeTrue("an empty cell leaves the rights as they are");
        (await AdminAfterAsync("nee")).ShouldBeFalse("a school group takes admin rights (the settings card) away by saying so");
        (await AdminAfterAsync("")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_valid_CSV_file_creates_schools_communities_people_and_memberships_and_reimporting_changes_nothing()
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportAsync(app, Sample("import-valid.csv"), "text/csv");

        status.ShouldBe(HttpStatusCode.OK);
        summary!.ShouldSatisfyAllConditions(
            s => s.SchoolsCreated.ShouldBe(2),
            s => s.CommunitiesCreated.ShouldBe(2),
            s => s.PeopleCreated.ShouldBe(4),
            s => s.MembershipsCreated.ShouldBe(5),
            s => s.Errors.ShouldBeEmpty());
        var community = await app.QueryAsync(db => db.Communities.Include(c => c.Memberships).ThenInclude(m => m.Person).SingleAsync(c => c.Name == "Wiskunde eerste graad"));
        community.Phase.ShouldBe(CommunityPhase.LearningTogether);
        community.Goals.ShouldBe("Rijke taken ontwerpen, uitproberen en bespreken");
        community.Memberships.Single(m => m.Role == CommunityRole.Coach).Person.Email.ShouldBe("leen.peeters@school.be");
        community.Memberships.Single(m => m.Role == CommunityRole.Leader).Person.IsTenantAdmin.ShouldBeTrue();

        var (again, second) = await ImportAsync(app, Sample("import-valid.csv"), "text/csv");
        again.ShouldBe(HttpStatusCode.OK);
        (second!.SchoolsCreated, second.CommunitiesCreated, second.PeopleCreated, second.MembershipsCreated).ShouldBe((0, 0, 0, 0));
        (await app.QueryAsync(db => db.Memberships.CountAsync())).ShouldBe(5);
    }

    [Fact]
    public async Task A_valid_JSON_file_is_stored()
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportAsync(app, Sample("import-valid.json"), "application/json");

        status.ShouldBe(HttpStatusCode.OK);
        (summary!.CommunitiesCreated, summary.PeopleCreated, summary.MembershipsCreated).ShouldBe((1, 3, 3));
        (await app.QueryAsync(db => db.Communities.Select(c => new { c.CadenceKind, c.CadenceCount }).SingleAsync()))
            .ShouldBe(new { CadenceKind = CommunityBot.Communities.Cadence.CadenceKind.EveryNWeeks, CadenceCount = 5 });
        (await app.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == "3f2c7e1a-8d4b-4c6e-9a1f-2b3c4d5e6f70")))
            .Language.ShouldBe(Localization.Language.English);
    }

    [Fact]
    public async Task A_CSV_file_with_bad_rows_reports_every_error_with_its_line_and_stores_nothing()
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportAsync(app, Sample("import-with-errors.csv"), "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.Select(e => $"{e.At}: {e.Reason}").ShouldBe(
        [
            "line 9: unknown type 'classroom' (school, community, person, membership, intervision or intervision-member)",
            "line 3: invalid time zone 'Europe/Brusels' (an IANA name such as Europe/Brussels)",
            "line 4: invalid e-mail 'leen.peeters@school'",
            "line 5: unknown school 'Atheneum Zuid'",
            "line 6: duplicate person 'tom.claes@school.be'",
            "line 7: unknown role 'trainer' (member, coach, coach-the-coach, leader)",
            "line 8: unknown community 'Geschiedenis'",
        ], ignoreOrder: true);
        (await app.QueryAsync(db => db.Schools.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_JSON_file_with_bad_rows_reports_every_error_with_its_path_and_stores_nothing()
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportAsync(app, Sample("import-with-errors.json"), "application/json");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.Select(e => e.At).ShouldBe(
            ["$.communities[0]", "$.communities[0]", "$.people[0]", "$.people[1]", "$.memberships[0]", "$.memberships[0]"], ignoreOrder: true);
        summary.Errors.ShouldContain(e => e.At == "$.memberships[0]" && e.Reason.StartsWith("unknown role 'admin'"));
        summary.Errors.ShouldContain(e => e.At == "$.memberships[0]" && e.Reason == "unknown person 'leen.peeters@school.be'");
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Outside_development_the_import_needs_the_tenants_own_automation_key()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["environment"] = "Production";
            s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
        });
        var key = await app.AddAutomationKeyAsync(Tenant);
        var revoked = await app.AddAutomationKeyAsync(Tenant, revoked: true);
        var otherTenants = await app.AddAutomationKeyAsync("another-tenant");

        (await ImportAsync(app, Sample("import-valid.json"), "application/json")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await ImportAsync(app, Sample("import-valid.json"), "application/json", "wrong")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await ImportAsync(app, Sample("import-valid.json"), "application/json", revoked)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await ImportAsync(app, Sample("import-valid.json"), "application/json", otherTenants)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
        (await ImportAsync(app, Sample("import-valid.json"), "application/json", key)).Status.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Communities.Select(c => c.TenantId).Distinct().ToListAsync())).ShouldBe([Tenant]);
    }

    [Fact]
    public async Task An_imported_person_is_matched_by_Entra_object_id_before_e_mail_like_everywhere_else()
    {
        await using var app = await BotApplication.StartAsync();
        const string EntraId = "3f2c7e1a-8d4b-4c6e-9a1f-2b3c4d5e6f70";
        await app.QueryAsync(async db =>
        {
            db.People.Add(new CommunityBot.People.Person { TenantId = Tenant, Email = "sara@school.be", DisplayName = "by e-mail" });
            db.People.Add(new CommunityBot.People.Person { TenantId = Tenant, AadObjectId = EntraId, DisplayName = "by Entra id" });
            return await db.SaveChangesAsync();
        });
        const string File = $$"""
            {
              "communities": [{ "name": "Wiskunde eerste graad" }],
              "people": [{ "email": "Sara@school.be", "aadObjectId": "{{EntraId}}", "displayName": "Sara Janssens" }],
              "memberships": [{ "person": "{{EntraId}}", "community": "Wiskunde eerste graad", "role": "member" }]
            }
            """;

        var (status, summary) = await ImportAsync(app, File, "application/json");

        status.ShouldBe(HttpStatusCode.OK);
        (summary!.PeopleCreated, summary.PeopleUpdated).ShouldBe((0, 1));
        var people = await app.QueryAsync(db => db.People.OrderBy(p => p.Id).Select(p => new { p.DisplayName, p.AadObjectId }).ToListAsync());
        people.Select(p => p.DisplayName).ShouldBe(["by e-mail", "Sara Janssens"]);
        (await app.QueryAsync(db => db.Memberships.Select(m => m.Person.AadObjectId).SingleAsync())).ShouldBe(EntraId);
    }

    [Theory]
    [InlineData("schools")]
    [InlineData("communities")]
    [InlineData("people")]
    [InlineData("memberships")]
    public async Task A_null_row_in_a_JSON_array_is_reported_by_its_path_and_nothing_is_stored(string array)
    {
        await using var app = await BotApplication.StartAsync();
        var rows = new Dictionary<string, string>
        {
            ["schools"] = """{"name": "Sint-Jan"}""",
            ["communities"] = """{"name": "Lezen"}""",
            ["people"] = """{"email": "an@school.be", "school": "Sint-Jan"}""",
            ["memberships"] = """{"person": "an@school.be", "community": "Lezen", "role": "member"}""",
        };
        var body = "{" + string.Join(", ", rows.Select(r => $"\"{r.Key}\": [{r.Value}{(r.Key == array ? ", null" : "")}]")) + "}";

        var (status, summary) = await ImportAsync(app, body, "application/json");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe([new ImportError($"$.{array}[1]", "not an object")]);
        (await app.QueryAsync(db => db.Schools.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"schools\"")]
    [InlineData("42")]
    [InlineData("true")]
    public async Task A_JSON_body_that_is_not_an_object_is_refused_with_a_clear_error(string body)
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportAsync(app, body, "application/json");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.At.ShouldBe("$"),
            e => e.Reason.ShouldStartWith("not an object"));
    }

    [Theory]
    [InlineData("""{"schools": {"name": "Sint-Jan"}}""", "$.schools")]
    [InlineData("""{"schools": ["Sint-Jan"]}""", "$.schools[0]")]
    [InlineData("""{"schools": [{"name": 42}]}""", "$.schools[0].name")]
    [InlineData("""{"people": [{"email": "an@school.be", "admin": "yes"}]}""", "$.people[0].admin")]
    [InlineData("""{"people": [{"email": "an@school.be", "admin": 1}]}""", "$.people[0].admin")]
    [InlineData("""{"memberships": [{"person": ["an@school.be"]}]}""", "$.memberships[0].person")]
    public async Task A_JSON_field_of_the_wrong_type_is_refused_with_its_path_and_nothing_is_stored(string body, string path)
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportAsync(app, body, "application/json");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.At.ShouldBe(path),
            e => e.Reason.ShouldStartWith("wrong type"));
        (await app.QueryAsync(db => db.Schools.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }
}
