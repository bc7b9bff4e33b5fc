using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Communities.Import;
using CommunityBot.Tests.Admin;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Communities;

/// <summary>A file larger than <c>Import:SynchronousRows</c> is answered 202 and written in short batches while the bot keeps answering.</summary>
public sealed class ImportInBackgroundTests(PostgresServer postgres)
{
    private const string Tenant = TeamsActivities.TenantId;
    private const string OtherTenant = "22222222-2222-4222-8222-222222222222";

    private static Task<BotApplication> StartAsync(Action<IDictionary<string, string?>>? configure = null) => BotApplication.StartAsync(s =>
    {
        s["Import:SynchronousRows"] = "0";
        s["Import:BatchRows"] = "3";
        s["Import:PostgreSqlBatchRows"] = "3";
        configure?.Invoke(s);
    });

    private static async Task<(HttpStatusCode Status, string? Location, ImportStatus? Body)> PostAsync(BotApplication app, string csv, string? key = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, key is null ? $"/admin/import?tenant={Tenant}" : "/admin/import")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        if (key is not null)
        {
            request.Headers.Add(ImportEndpoint.KeyHeader, key);
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Headers.Location?.ToString(),
            response.StatusCode == HttpStatusCode.Accepted ? await response.Content.ReadFromJsonAsync<ImportStatus>(TestContext.Current.CancellationToken) : null);
    }

    private static async Task<(HttpStatusCode Status, string Body)> StatusAsync(BotApplication app, string path, string? key = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add(ImportEndpoint.KeyHeader, key);
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<ImportStatus> FinishedAsync(BotApplication app, string location)
    {
        await app.Services.GetRequiredService<ImportRunner>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var (status, body) = await StatusAsync(app, location);
        status.ShouldBe(HttpStatusCode.OK);
        return System.Text.Json.JsonSerializer.Deserialize<ImportStatus>(body, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    [Fact]
    public async Task A_large_file_is_accepted_with_the_address_of_its_status_which_ends_done_with_the_counts()
    {
        await using var app = await StartAsync();

        var (status, location, queued) = await PostAsync(app, ImportUnderLoad.SchoolGroup(60));

        status.ShouldBe(HttpStatusCode.Accepted);
        location.ShouldStartWith($"/admin/import/{queued!.Id}");
        (queued.Status, queued.Rows, queued.RowsWritten).ShouldBe(("queued", 60, 0));
        var done = await FinishedAsync(app, location!);
        (done.Status, done.RowsWritten).ShouldBe(("done", 60));
        (done.Summary.SchoolsCreated, done.Summary.CommunitiesCreated, done.Summary.PeopleCreated, done.Summary.MembershipsCreated).ShouldBe((1, 1, 29, 29));
        (await app.QueryAsync(db => db.Memberships.CountAsync())).ShouldBe(29);

        var again = await FinishedAsync(app, (await PostAsync(app, ImportUnderLoad.SchoolGroup(60))).Location!);
        (again.Summary.SchoolsCreated, again.Summary.CommunitiesCreated, again.Summary.PeopleCreated, again.Summary.MembershipsCreated).ShouldBe((0, 0, 0, 0));
        (again.Summary.PeopleUpdated, again.Summary.MembershipsUpdated).ShouldBe((29, 29));
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(29);
    }

    [Fact]
    public async Task Another_tenants_import_is_as_unknown_as_one_that_never_was()
    {
        await using var app = await StartAsync();
        var otherKey = await app.AddAutomationKeyAsync(OtherTenant);
        var (_, location, queued) = await PostAsync(app, ImportUnderLoad.SchoolGroup(20));
        await FinishedAsync(app, location!);

        var missing = await StatusAsync(app, $"/admin/import/{Guid.NewGuid()}?tenant={Tenant}");
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(app, $"/admin/import/{queued!.Id}?tenant={OtherTenant}")).ShouldBe(missing);
        (await StatusAsync(app, $"/admin/import/{queued.Id}", otherKey)).ShouldBe(missing);
        (await StatusAsync(app, $"/admin/import/{queued.Id}?tenant=not-a-guid")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_run_whose_server_stopped_is_reported_failed_and_importing_the_file_again_completes_it()
    {
        await using var app = await StartAsync();
        var file = ImportUnderLoad.SchoolGroup(60);
        // What a crash leaves: the batches before it, each complete (here the schools, communities and half the people).
        var lines = file.Split('\n');
        await FinishedAsync(app, (await PostAsync(app, string.Join('\n', lines.Take(1 + 1 + 1 + 15)))).Location!);
        var stopped = Guid.NewGuid();
        await app.QueryAsync(db =>
        {
            db.Add(new ImportRun { Id = stopped, TenantId = Tenant, State = ImportState.Running, Rows = 60, RowsWritten = 15, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });

        (await StatusAsync(app, $"/admin/import/{stopped}?tenant={Tenant}")).Body.ShouldContain("\"status\":\"running\"");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var (_, body) = await StatusAsync(app, $"/admin/import/{stopped}?tenant={Tenant}");
        body.ShouldContain("\"status\":\"failed\"");
        body.ShouldContain("import the same file again to complete it");

        var completed = await FinishedAsync(app, (await PostAsync(app, file)).Location!);
        (completed.Status, completed.Summary.PeopleCreated, completed.Summary.PeopleUpdated, completed.Summary.MembershipsCreated).ShouldBe(("done", 14, 15, 29));
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(29);
        (await app.QueryAsync(db => db.Communities.CountAsync())).ShouldBe(1);
    }

    private static void ShouldBeAnsweredAndStoredOnce(ImportUnderLoad.Figures figures, (int, int, int, int) stored)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(figures.ToString());
        figures.Status.Status.ShouldBe("done");
        figures.Help.ShouldNotBeEmpty();
        // Generous: Teams gives up on a turn after 15 s; the figures (README) are far below it.
        figures.Help.Max().ShouldBeLessThan(TimeSpan.FromSeconds(15));
        stored.ShouldBe(ImportUnderLoad.Counts(figures.Rows));
    }

    [Fact]
    public async Task While_5000_rows_are_imported_on_SQLite_every_help_is_answered_and_every_row_is_stored_once()
    {
        await using var app = await BotApplication.StartAsync();

        var figures = await ImportUnderLoad.RunAsync(app, 5_000);

        ShouldBeAnsweredAndStoredOnce(figures, await ImportUnderLoad.StoredAsync(app));
    }

    [Fact]
    public async Task While_2500_rows_are_imported_on_PostgreSQL_every_help_is_answered_and_every_row_is_stored_once()
    {
        var connectionString = await postgres.DatabaseAsync($"import_{Guid.NewGuid():N}");
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
        });

        var figures = await ImportUnderLoad.RunAsync(app, 2_500);

        ShouldBeAnsweredAndStoredOnce(figures, await ImportUnderLoad.StoredAsync(app));
    }
}
