using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Communities.Import;
using CommunityBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Communities;

/// <summary>
/// Two imports of overlapping files at once, each in batches that meet rows the other stored after it read the tenant:
/// both end done, every row is stored once and created by one of them. The second file lists the rows the other way
/// round, so the two meet in the middle with the same rows in opposite order (on PostgreSQL a deadlock, unless every
/// writer inserts in one key order).
/// </summary>
public sealed class ConcurrentImportTests(PostgresServer postgres)
{
    private const int Rows = 1_000;

    [Fact]
    public Task Two_imports_of_one_school_group_at_once_store_each_row_once_on_SQLite() => ImportTwiceAtOnceAsync(_ => { });

    [Fact]
    public async Task Two_imports_of_one_school_group_at_once_store_each_row_once_on_PostgreSQL()
    {
        var connectionString = await postgres.DatabaseAsync($"concurrent_import_{Guid.NewGuid():N}");
        await ImportTwiceAtOnceAsync(s =>
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
        });
    }

    private static async Task ImportTwiceAtOnceAsync(Action<IDictionary<string, string?>> database)
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Import:SynchronousRows"] = "0";
            s["Import:BatchRows"] = "10";
            s["Import:PostgreSqlBatchRows"] = "10";
            database(s);
        });
        var csv = ImportUnderLoad.SchoolGroup(Rows);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reversed = string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Reverse())) + "\n";

        var locations = await Task.WhenAll(PostAsync(app, csv), PostAsync(app, reversed));
        await app.Services.GetRequiredService<ImportRunner>().IdleAsync().WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        using var client = app.CreateClient();
        var runs = await Task.WhenAll(locations.Select(l => client.GetFromJsonAsync<ImportStatus>(l, TestContext.Current.CancellationToken)));
        runs.Select(r => r!.Status).ShouldBe(["done", "done"]);
        var (schools, communities, people, memberships) = ImportUnderLoad.Counts(Rows);
        (await ImportUnderLoad.StoredAsync(app)).ShouldBe((schools, communities, people, memberships));
        var created = runs.Select(r => r!.Summary).ToList();
        (created.Sum(s => s.SchoolsCreated), created.Sum(s => s.CommunitiesCreated), created.Sum(s => s.PeopleCreated), created.Sum(s => s.MembershipsCreated))
            .ShouldBe((schools, communities, people, memberships));
    }

    private static async Task<string> PostAsync(BotApplication app, string csv)
    {
        using var client = app.CreateClient();
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync($"/admin/import?tenant={TeamsActivities.TenantId}", content, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return response.Headers.Location!.ToString();
    }
}
