using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Bot;
using CommunityBot.Jobs;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Reliability.Fuzzing;

/// <summary>
/// Posts generated cases to the real host and checks each: no 5xx (HTTP or invoke), nothing logged at Error or above,
/// and, when the sender may not touch the world (someone in no community, another tenant, a sender Teams never
/// showed), no row of anyone else changed. The valid starting points are built once per host, in a fixed order, so a
/// seed replays the same run.
/// </summary>
internal sealed class ActivityFuzzer
{
    /// <summary>Tables every request or delivery writes, whoever sends it: the activity claims, the outbox and the chats.</summary>
    private static readonly string[] Bookkeeping = ["ProcessedActivities", "OutboxMessages", "Conversations", "UnreachableRecipients"];

    private static readonly ChannelAccount Stranger = new() { Id = "29:never-seen", Name = "Nina Nieuw", AadObjectId = "aad-never-seen" };
    private static readonly ChannelAccount Newcomer = new() { Id = "29:newcomer", Name = "Noor Nieuwkomer", AadObjectId = "aad-newcomer" };

    private readonly BotApplication app;
    private readonly ForeignRecords records;
    private readonly List<(string Name, Func<ChannelAccount, Activity> Make)> starts = [];
    private readonly ChannelAccount[] senders = [Coach, Megan, Outsider, ForeignRecords.Abroad, Stranger];
    private readonly long[] otherIds;
    private string? lastActivityId;

    private ActivityFuzzer(BotApplication app, ForeignRecords records)
    {
        this.app = app;
        this.records = records;
        otherIds = [.. records.Ids.Values.Order()];
    }

    public int Cases { get; private set; }

    public static async Task<ActivityFuzzer> CreateAsync(BotApplication app)
    {
        var records = await ForeignRecords.CreateAsync(app);
        var fuzzer = new ActivityFuzzer(app, records);
        await fuzzer.CollectStartsAsync();
        return fuzzer;
    }

    /// <summary>
    /// Messages with every command trigger (each run once by the coach, so their cards are sent), installs and
    /// conversation updates, and a press of every button on every card the bot sent, plus well-formed data for every
    /// registered verb (a verb whose card the world never shows is pressed too).
    /// </summary>
    private async Task CollectStartsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var triggers = scope.ServiceProvider.GetServices<IBotCommand>().SelectMany(c => c.Triggers).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var trigger in triggers)
        {
            starts.Add(($"message '{trigger}'", who => app.Teams.Message(trigger, who)));
            await app.PostAsync(app.Teams.Message(trigger, Coach));
        }
        await app.DeliveryIdleAsync();
        starts.Add(("channel mention 'help'", who => app.Teams.ChannelMention("help", who)));
        starts.Add(("personal install", who => app.Teams.InstallPersonal(who)));
        starts.Add(("personal uninstall", who => app.Teams.UninstallPersonal(who)));
        starts.Add(("bot added to the personal chat", who => app.Teams.BotAddedToPersonal(who)));
        starts.Add(("team install", who => app.Teams.InstallInTeam(who)));
        starts.Add(("bot added to the team", who => app.Teams.BotAddedToTeam(who)));
        // Roster changes name people who never send anything here, so no sender becomes a member by the way.
        starts.Add(("members added to the team", _ => app.Teams.MembersAddedToTeam(Newcomer)));
        starts.Add(("members removed from the team", _ => app.Teams.MembersRemovedFromTeam(Adele)));
        var presses = app.Connector.SentActivities.Select(r => r.Body).OfType<JsonElement>()
            .SelectMany(CardActions.In)
            .Select(a => (a.Verb, Data: a.Data.ToJsonString()))
            .Concat(MissingOrNotYoursTests.RegisteredVerbs(app).Select(v => (Verb: v.Key, Data: MissingOrNotYoursTests.Data(v.Value, records.Ids).ToJsonString())))
            .Distinct().Order().ToList();
        foreach (var (verb, data) in presses)
        {
            starts.Add(($"press {verb} {data}", who => app.Teams.Execute(verb, JsonNode.Parse(data)!, "card-1", who)));
        }
        // The starting points' own first contact is done here, so a sender's rows are theirs from the start.
        foreach (var sender in senders)
        {
            await app.PostAsync(Sent(app.Teams.Message("help", sender), sender));
        }
        await app.DeliveryIdleAsync();
    }

    public IReadOnlyList<string> StartNames => [.. starts.Select(s => s.Name)];

    /// <summary>Runs one case; returns what went wrong, or null.</summary>
    public async Task<string?> RunAsync(FuzzCase fuzzCase)
    {
        Cases++;
        var post = Build(fuzzCase);
        var forbidden = post.Typed && !await IsMemberAsync(post);
        if (forbidden)
        {
            await SettleJobsAsync();
        }
        var before = forbidden ? await SnapshotAsync() : null;
        // Taken before too: a sender who erases their data has no person row afterwards.
        var ownBefore = forbidden ? await OwnPersonIdsAsync(post) : [];
        var errorsBefore = app.Logs.Entries.Count;

        using var client = app.CreateClient();
        using var content = new StringContent(HostileValues.Escape(post.Json.ToJsonString()), Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        await app.DeliveryIdleAsync();

        var problems = new List<string>();
        // 501 in an invoke's body is the protocol's own answer to an invoke name the bot does not handle, not a failure.
        if ((int)response.StatusCode >= 500 || InvokeStatus(body) is >= 500 and not 501)
        {
            problems.Add($"HTTP {(int)response.StatusCode}: {body}");
        }
        problems.AddRange(app.Logs.Entries.Skip(errorsBefore).Where(e => e.Level >= LogLevel.Error).Select(e => $"logged {e}\n{e.Exception}"));
        if (before is not null)
        {
            var after = await SnapshotAsync();
            var own = new OwnRows(post, [.. ownBefore, .. await OwnPersonIdsAsync(post)]);
            var changed = before.Where(own.IsNot).Except(after.Where(own.IsNot)).Concat(after.Where(own.IsNot).Except(before.Where(own.IsNot))).ToList();
            if (changed.Count > 0)
            {
                problems.Add("a sender who may not changed rows:\n  " + string.Join("\n  ", changed.Take(10)));
            }
        }
        return problems.Count == 0 ? null : $"{post.Description}\n{string.Join("\n", problems)}";
    }

    private FuzzPost Build(FuzzCase c)
    {
        var start = starts[c.Start % starts.Count];
        var sender = senders[c.Sender % senders.Length];
        var activity = Sent(start.Make(sender), sender);
        var json = JsonSerializer.SerializeToNode(activity, TeamsJson.Options)!.AsObject();
        var mutation = Mutate(json, c);
        lastActivityId = json["id"]?.GetValueKind() == JsonValueKind.String ? json["id"]!.GetValue<string>() : lastActivityId;
        var senderId = json["from"] is JsonObject from && from["id"]?.GetValueKind() == JsonValueKind.String ? from["id"]!.GetValue<string>() : "";
        var tenantId = activity.TenantId ?? "";
        if (json["channelData"] is JsonObject channelData && channelData["tenant"] is JsonObject tenant && tenant["id"]?.GetValueKind() == JsonValueKind.String)
        {
            tenantId = tenant["id"]!.GetValue<string>();
        }
        // Teams itself vouches for installs and roster changes; only what a person types or presses is theirs to be refused.
        var typed = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        return new FuzzPost($"{start.Name} from {sender.Id}, {mutation} ({c})", json, senderId, tenantId, typed);
    }

    /// <summary>Collects what the test sent, as every post through the test client does, and lets the fake Teams know the chat.</summary>
    private Activity Sent(Activity activity, ChannelAccount sender)
    {
        if (sender == ForeignRecords.Abroad)
        {
            ForeignRecords.FromAbroad(activity);
        }
        app.Connector.Learn(activity);
        app.Sensitive.AddActivity(activity);
        return activity;
    }

    private string Mutate(JsonObject json, FuzzCase c)
    {
        var fields = Leaves(json).ToList();
        var (path, parent, key) = fields[c.Target % fields.Count];
        switch (c.Mutation % 9)
        {
            case 0:
                return "unchanged";
            case 1:
                parent[key] = HostileValues.OtherType(c.Value);
                return $"{path} of another type";
            case 2:
                parent.Remove(key);
                return $"{path} left out";
            case 3:
                parent[key] = HostileValues.Text(c.Value, c.Size);
                return $"{path} hostile text";
            case 4:
                var ids = fields.Where(f => f.Key.EndsWith("Id", StringComparison.OrdinalIgnoreCase) && f.Parent[f.Key]?.GetValueKind() is JsonValueKind.Number).ToList();
                if (ids.Count == 0)
                {
                    goto case 3;
                }
                var id = ids[c.Target % ids.Count];
                id.Parent[id.Key] = HostileValues.Id(c.Value, otherIds);
                return $"{id.Path} another id";
            case 5:
                json["text"] = $"{json["text"]?.ToString() ?? "klaar"} {HostileValues.Text(c.Value, c.Size)}";
                return "text with hostile arguments";
            case 6:
                json["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = ForeignRecords.OtherTenant } };
                return "tenant of another";
            case 7:
                json["id"] = lastActivityId ?? json["id"]?.DeepClone();
                return "activity id replayed";
            default:
                json["from"] = JsonSerializer.SerializeToNode(senders[c.Value % senders.Length], TeamsJson.Options);
                return "sender swapped after the chat was chosen";
        }
    }

    /// <summary>Every property of the activity, nested ones included (the button's data and inputs too), with its path.</summary>
    private static IEnumerable<(string Path, JsonObject Parent, string Key)> Leaves(JsonObject node, string prefix = "")
    {
        foreach (var (key, value) in node.ToList())
        {
            yield return (prefix + key, node, key);
            if (value is JsonObject child)
            {
                foreach (var leaf in Leaves(child, prefix + key + "."))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static int InvokeStatus(string body)
    {
        try
        {
            return body.Length > 0 && JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("statusCode", out var status) && status.TryGetInt32(out var code) ? code : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Runs every recurring job at the current moment first, so what was already due (a digest whose recipient an
    /// earlier case made reachable, a moment the paced clock passed) is not counted as the doing of a sender whose
    /// message happens to run the sweeps at once ("herinneringen nu", a development command).
    /// </summary>
    private async Task SettleJobsAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var job in RecurringJobTable.All)
            {
                await ((IRecurringJob)scope.ServiceProvider.GetRequiredService(job.JobType)).RunAsync(CancellationToken.None);
            }
        }
        await app.DeliveryIdleAsync();
    }

    private Task<List<string>> SnapshotAsync() => DatabaseSnapshot.TakeAsync(app, Bookkeeping);

    /// <summary>
    /// Members act in their own community; everyone else (anyone speaking for a tenant they are in no community of)
    /// may change only their own rows. An earlier case can make a sender a member: a team install makes its installer
    /// the coach of the team's community, in the installer's own tenant.
    /// </summary>
    private Task<bool> IsMemberAsync(FuzzPost post) =>
        app.QueryAsync(db => db.Memberships.AnyAsync(m => m.LeftAt == null && m.Person.TeamsUserId == post.SenderId && m.Person.TenantId == post.TenantId));

    private Task<List<long>> OwnPersonIdsAsync(FuzzPost post) =>
        app.QueryAsync(db => db.People.Where(p => p.TeamsUserId == post.SenderId && p.TenantId == post.TenantId).Select(p => p.Id).ToListAsync());

    /// <summary>The sender's own rows, which they may change: their person row (in their tenant) and every row of their person id.</summary>
    private sealed class OwnRows(FuzzPost post, IEnumerable<long> personIds)
    {
        private readonly string[] markers = [.. personIds.Distinct().Select(id => $" PersonId={id.ToString(CultureInfo.InvariantCulture)} |")];

        public bool IsNot(string row)
        {
            var padded = " " + row + " |";
            var ownPerson = row.StartsWith("People:", StringComparison.Ordinal)
                && padded.Contains($" TeamsUserId={post.SenderId} |", StringComparison.Ordinal)
                && padded.Contains($" TenantId={post.TenantId} |", StringComparison.Ordinal);
            return !ownPerson && !markers.Any(m => padded.Contains(m, StringComparison.Ordinal));
        }
    }
}
