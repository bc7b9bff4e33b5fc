using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Communities.Import;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Communities;

/// <summary>
/// An import of a generated school group while people keep asking the bot for <c>help</c>, one after another from fifty
/// members: what the import took and how long each answer took to reach Teams.
/// </summary>
internal static class ImportUnderLoad
{
    /// <param name="Alone">Help turns before the import started: what this machine gives at this moment without it.</param>
    /// <param name="Help">Help turns while the import ran.</param>
    /// <param name="HostCpu">CPU the test process (the host, its import and the harness) used while the import ran.</param>
    /// <param name="ServerCpu">CPU the database server used meanwhile, when known.</param>
    public sealed record Figures(
        int Rows, TimeSpan Import, IReadOnlyList<TimeSpan> Alone, IReadOnlyList<TimeSpan> Help, ImportStatus Status, TimeSpan HostCpu, TimeSpan? ServerCpu)
    {
        public override string ToString() =>
            $"{Rows:N0} rows in {Import.TotalSeconds:F1} s ({Rows / Import.TotalSeconds:N0} rows/s); {Help.Count} help turns answered meanwhile: " +
            $"{Latencies(Help)}; before the import, {Alone.Count} alone: {Latencies(Alone)}; CPU meanwhile: test process " +
            $"{HostCpu.TotalSeconds:F1} s, database server {(ServerCpu is { } server ? $"{server.TotalSeconds:F1} s" : "not measured")}";

        private static string Latencies(IReadOnlyList<TimeSpan> turns) => turns.Count == 0 ? "none" :
            $"p50 {Percentile(turns, 0.5):F0} ms, p99 {Percentile(turns, 0.99):F0} ms, max {turns.Max().TotalMilliseconds:F0} ms";

        private static double Percentile(IReadOnlyList<TimeSpan> turns, double p) =>
            turns.Order().ElementAt(Math.Min(turns.Count - 1, (int)Math.Ceiling(p * turns.Count) - 1)).TotalMilliseconds;
    }

    /// <summary>
    /// About 1 school per 2,000 rows, a community per 100, and people with one membership each (the first of every
    /// community its coach): <paramref name="rows"/> rows in all.
    /// </summary>
    public static string SchoolGroup(int rows)
    {
        var (schools, communities, people, memberships) = Counts(rows);
        var csv = new StringBuilder("type,name,email,school,community,role\n");
        for (var s = 0; s < schools; s++)
        {
            csv.Append($"school,School {s},,,,\n");
        }
        for (var c = 0; c < communities; c++)
        {
            csv.Append($"community,Community {c},,,,\n");
        }
        for (var p = 0; p < people; p++)
        {
            csv.Append($"person,Teacher {p},teacher.{p}@load.school.be,School {p % schools},,\n");
        }
        for (var m = 0; m < memberships; m++)
        {
            // A second round of memberships puts everyone in the next community too.
            var (person, community) = (m % people, (m % people + m / people) % communities);
            csv.Append($"membership,,teacher.{person}@load.school.be,,Community {community},{(m < communities ? "coach" : "member")}\n");
        }
        return csv.ToString();
    }

    /// <summary>What <see cref="SchoolGroup"/> holds of each kind.</summary>
    public static (int Schools, int Communities, int People, int Memberships) Counts(int rows)
    {
        var schools = Math.Max(1, rows / 2_000);
        var communities = Math.Max(1, rows / 100);
        var people = (rows - schools - communities) / 2;
        return (schools, communities, people, rows - schools - communities - people);
    }

    /// <summary>What the database holds of each kind after importing <see cref="SchoolGroup"/> (the members asking for help are not among the teachers).</summary>
    public static Task<(int Schools, int Communities, int People, int Memberships)> StoredAsync(BotApplication app) => app.QueryAsync(async db =>
        (await db.Schools.CountAsync(), await db.Communities.CountAsync(),
            await db.People.CountAsync(p => p.Email!.EndsWith("@load.school.be")), await db.Memberships.CountAsync()));

    /// <param name="askHelp">False: nobody asks for help while the import runs, so its CPU is the import's own.</param>
    /// <param name="serverCpu">The database server's CPU so far, to count what the import made it use.</param>
    public static async Task<Figures> RunAsync(BotApplication app, int rows, bool askHelp = true, Func<TimeSpan>? serverCpu = null)
    {
        var ct = TestContext.Current.CancellationToken;
        // The answers follow each other for as long as the import runs while the fake clock stands still: every limit's
        // window would fill and its Retry-After never pass (the "timed out" PostgreSQL run). Delivery's tests hold the bot to them.
        app.Connector.UseRateLimits(null);
        List<TimeSpan> alone = [];
        for (var i = 0; i < 20; i++)
        {
            alone.Add(await HelpAsync(app, i));
        }
        using var client = app.CreateClient();
        var body = new StringContent(SchoolGroup(rows), Encoding.UTF8, "text/csv");
        using var self = Process.GetCurrentProcess();
        var (hostBefore, serverBefore) = (self.TotalProcessorTime, serverCpu?.Invoke());
        var watch = Stopwatch.StartNew();
        using var accepted = await client.PostAsync($"/admin/import?tenant={TeamsActivities.TenantId}", body, ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(ct));
        var location = accepted.Headers.Location!.ToString();
        List<TimeSpan> help = [];
        ImportStatus status;
        do
        {
            if (askHelp)
            {
                help.Add(await HelpAsync(app, help.Count));
            }
            else
            {
                await app.Services.GetRequiredService<ImportRunner>().IdleAsync();
            }
            status = (await client.GetFromJsonAsync<ImportStatus>(location, ct))!;
        }
        while (status.Status is not ("done" or "failed"));
        await app.Services.GetRequiredService<ImportRunner>().IdleAsync();
        var elapsed = watch.Elapsed;
        self.Refresh();
        return new Figures(rows, elapsed, alone, help, status, self.TotalProcessorTime - hostBefore, serverCpu?.Invoke() - serverBefore);
    }

    /// <summary>One of fifty members asks for help; answered means the help card reached Teams, not only that the request returned.</summary>
    private static async Task<TimeSpan> HelpAsync(BotApplication app, int turn)
    {
        var user = new ChannelAccount { Id = $"29:load-{turn % 50}", Name = "Load", AadObjectId = $"aad-load-{turn % 50}" };
        var sent = app.Connector.SentActivities.Count;
        var watch = Stopwatch.StartNew();
        using (var response = await app.PostAsync(app.Teams.Message("help", user)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // The bound only guards a hang.
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Count > sent, TimeSpan.FromSeconds(120));
        return watch.Elapsed;
    }
}
