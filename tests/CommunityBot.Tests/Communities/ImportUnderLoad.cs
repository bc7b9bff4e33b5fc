using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Communities.Import;
using CommunityBot.Teams.Schema;
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
    public sealed record Figures(int Rows, TimeSpan Import, IReadOnlyList<TimeSpan> Help, ImportStatus Status)
    {
        public TimeSpan Percentile(double p) => Help.Order().ElementAt(Math.Min(Help.Count - 1, (int)Math.Ceiling(p * Help.Count) - 1));

        public override string ToString() =>
            $"{Rows:N0} rows in {Import.TotalSeconds:F1} s ({Rows / Import.TotalSeconds:N0} rows/s); {Help.Count} help turns meanwhile: " +
            $"p50 {Percentile(0.5).TotalMilliseconds:F0} ms, p99 {Percentile(0.99).TotalMilliseconds:F0} ms, max {Help.Max().TotalMilliseconds:F0} ms";
    }

    /// <summary>
    /// About 1 school per 2,000 rows, a community per 100, and people with one membership each (the first of every
    /// community its coach): <paramref name="rows"/> rows in all.
    /// </summary>
    public static string SchoolGroup(int rows)
    {
        var schools = Math.Max(1, rows / 2_000);
        var communities = Math.Max(1, rows / 100);
        var people = (rows - schools - communities) / 2;
        var memberships = rows - schools - communities - people;
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

    public static async Task<Figures> RunAsync(BotApplication app, int rows)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        var body = new StringContent(SchoolGroup(rows), Encoding.UTF8, "text/csv");
        var watch = Stopwatch.StartNew();
        using var accepted = await client.PostAsync($"/admin/import?tenant={TeamsActivities.TenantId}", body, ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(ct));
        var location = accepted.Headers.Location!.ToString();
        List<TimeSpan> help = [];
        ImportStatus status;
        var sent = app.Connector.SentActivities.Count;
        while (true)
        {
            var user = new ChannelAccount { Id = $"29:load-{help.Count % 50}", Name = "Load", AadObjectId = $"aad-load-{help.Count % 50}" };
            var turn = Stopwatch.StartNew();
            using (var response = await app.PostAsync(app.Teams.Message("help", user)))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            // Answered means the help card reached Teams, not only that the request returned; the bound only guards a hang.
            await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Count > sent, TimeSpan.FromSeconds(120));
            sent++;
            help.Add(turn.Elapsed);
            status = (await client.GetFromJsonAsync<ImportStatus>(location, ct))!;
            if (status.Status is "done" or "failed")
            {
                break;
            }
        }
        await app.Services.GetRequiredService<ImportRunner>().IdleAsync();
        return new Figures(rows, watch.Elapsed, help, status);
    }
}
