using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Communities.Import;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Communities;

/// <summary>The reproductions of issue 16 against the import: each one is refused whole, named by its line, and stores nothing.</summary>
public sealed class ImportLimitsTests
{
    private const string Header = "type,name,email,school\n";

    private static async Task NothingStoredAsync(BotApplication app)
    {
        (await app.QueryAsync(db => db.Schools.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_unterminated_quote_is_refused_with_its_line_and_column_instead_of_swallowing_the_rest_of_the_file()
    {
        await using var app = await BotApplication.StartAsync();
        var csv = Header + "school,Sint-Jan,,\nschool,\"Atheneum Noord,,\nperson,An,an@school.be,Sint-Jan\nperson,Tom,tom@school.be,Sint-Jan\n";

        var (status, summary) = await ImportTests.ImportAsync(app, csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.At.ShouldBe("line 3"),
            e => e.Reason.ShouldStartWith("column 'name': a quote that does not close"));
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_is_refused_with_its_line()
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportTests.ImportAsync(app, Header + "school,Sint-Jan,,\r\nschool,Sint-\"Jan\" Noord,,\r\n", "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldHaveSingleItem().At.ShouldBe("line 3");
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task Invalid_UTF8_is_refused_with_its_line_and_byte_instead_of_stored_as_replacement_characters()
    {
        await using var app = await BotApplication.StartAsync();
        // "Collège" saved as Windows-1252: é is the single byte 0xE9.
        byte[] body = [.. Encoding.UTF8.GetBytes(Header + "school,Sint-Jan,,\nschool,Coll"), 0xE9, .. Encoding.UTF8.GetBytes("ge,,\n")];

        var (status, summary) = await ImportTests.ImportAsync(app, new ByteArrayContent(body), "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe([new ImportError("line 3", "byte 12 is not UTF-8: save the file as UTF-8 (CSV UTF-8 in Excel)")]);
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task A_row_with_another_number_of_fields_than_the_header_is_named_by_its_line()
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportTests.ImportAsync(app, Header + "school,Sint-Jan,,\nschool,Atheneum,,,extra\nschool,Lyceum\n", "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe([new ImportError("line 3", "5 fields where the header has 4"), new ImportError("line 4", "2 fields where the header has 4")]);
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task A_20_MB_bad_value_is_refused_by_its_line_without_being_echoed()
    {
        await using var app = await BotApplication.StartAsync();
        var huge = new string('x', 20 * 1024 * 1024);

        var (status, summary) = await ImportTests.ImportAsync(app, $"type,name,email\nschool,Sint-Jan,\nperson,An,{huge}@school\n", "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe([new ImportError("line 3", "a row longer than 16 MB: a quote that does not close, or a value far longer than any column allows")]);
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task A_long_bad_value_is_quoted_as_an_excerpt_of_40_characters()
    {
        await using var app = await BotApplication.StartAsync();
        var value = new string('x', 100_000);

        var (status, summary) = await ImportTests.ImportAsync(app, $"type,name,email,school\nperson,An,{value}@school,\nperson,Tom,tom@school.be,{value}\n", "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe(
        [
            new ImportError("line 2", $"e-mail longer than {ImportValidator.EmailLength} characters"),
            new ImportError("line 3", $"unknown school '{new string('x', 40)}…'"),
        ]);
        await NothingStoredAsync(app);
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("fake-tenant")]
    [InlineData("{7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b}")]
    public async Task A_tenant_that_is_no_GUID_is_refused_and_nothing_is_stored(string tenant)
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync($"/admin/import?tenant={Uri.EscapeDataString(tenant)}",
            new StringContent(Header + "school,Sint-Jan,,\n", Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ImportSummary>(TestContext.Current.CancellationToken))!.Errors.ShouldHaveSingleItem().At.ShouldBe("tenant");
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task A_tenant_in_capitals_is_stored_as_Teams_writes_it()
    {
        await using var app = await BotApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync($"/admin/import?tenant={TeamsActivities.TenantId.ToUpperInvariant()}",
            new StringContent(Header + "school,Sint-Jan,,\n", Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Schools.Select(s => s.TenantId).SingleAsync())).ShouldBe(TeamsActivities.TenantId);
    }

    [Theory]
    [InlineData("text/csv", "type,name,email\nperson,An\u0000Peeters,an@school.be\n", "line 2")]
    [InlineData("text/csv", "type,name\ncommunity,\"Wiskunde\neerste graad\"\n", "line 2")]
    [InlineData("application/json", """{"schools": [{"name": "Sint-Jan"}, {"name": "Sint\u0000Jan"}]}""", "$.schools[1]")]
    [InlineData("application/json", """{"people": [{"email": "an@school.be\u0007"}]}""", "$.people[0]")]
    public async Task A_control_character_in_a_value_is_refused_with_its_line(string mediaType, string body, string at)
    {
        await using var app = await BotApplication.StartAsync();

        var (status, summary) = await ImportTests.ImportAsync(app, body, mediaType);

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldContain(e => e.At == at && e.Reason.Contains("control character"));
        summary.Errors.ShouldAllBe(e => !e.Reason.Contains('\0'));
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task Names_longer_than_the_limit_are_named_by_their_line()
    {
        await using var app = await BotApplication.StartAsync();
        var csv = $"type,name,email\nschool,{new string('s', 201)},\ncommunity,{new string('c', 201)},\nperson,{new string('p', 257)},an@school.be\n";

        var (status, summary) = await ImportTests.ImportAsync(app, csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe(
        [
            new ImportError("line 2", "school name missing or longer than 200 characters"),
            new ImportError("line 3", "community name missing or longer than 200 characters"),
            new ImportError("line 4", "display name longer than 256 characters"),
        ]);
    }

    [Fact]
    public async Task A_file_over_the_row_cap_is_refused_at_the_first_row_too_many()
    {
        await using var app = await BotApplication.StartAsync(s => s["Import:MaxRows"] = "10");
        var csv = Header + string.Concat(Enumerable.Range(1, 11).Select(i => $"school,School {i},,\n"));

        var (status, summary) = await ImportTests.ImportAsync(app, csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.Errors.ShouldBe([new ImportError("line 12", "more than 10 rows: split the file")]);
        await NothingStoredAsync(app);
    }

    [Fact]
    public async Task The_answer_lists_the_first_100_errors_and_counts_them_all()
    {
        await using var app = await BotApplication.StartAsync();
        var csv = Header + string.Concat(Enumerable.Range(1, 250).Select(i => $"person,P{i},not-an-email-{i},\n"));

        var (status, summary) = await ImportTests.ImportAsync(app, csv, "text/csv");

        status.ShouldBe(HttpStatusCode.BadRequest);
        summary!.ErrorCount.ShouldBe(250);
        summary.Errors.Count.ShouldBe(100);
        summary.Errors[0].ShouldBe(new ImportError("line 2", "invalid e-mail 'not-an-email-1'"));
        await NothingStoredAsync(app);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_size_limit_is_413_whether_its_length_is_announced_or_chunked(bool announced)
    {
        await using var app = await BotApplication.StartAsync(s => s["Import:MaxBodyBytes"] = "4096");
        var csv = Header + string.Concat(Enumerable.Range(1, 400).Select(i => $"school,School {i},,\n"));
        HttpContent content = announced ? new StringContent(csv, Encoding.UTF8) : new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(csv)));

        var (status, _) = await ImportTests.ImportAsync(app, content, "text/csv");

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await NothingStoredAsync(app);
    }

    /// <summary>A stream of unknown length, so the client sends it chunked without a Content-Length.</summary>
    private sealed class ChunkedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
