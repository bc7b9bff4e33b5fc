using System.Globalization;
using CommunityBot.Testing;

namespace CommunityBot.LoadTests;

/// <summary>
/// Per database: seeds the members, runs them against the bare endpoint, then starts the host and runs them against
/// it, checks every press in the database and every message's reply at the fake Teams, and prints the figures.
/// Exits non-zero on any error or mismatch.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        await using var postgres = settings.Providers.Contains(LoadSettings.Postgres) ? await PostgresProcess.StartAsync() : null;
        var passed = true;
        foreach (var provider in settings.Providers)
        {
            passed &= await RunAsync(settings, provider, postgres);
        }
        return passed ? 0 : 1;
    }

    private static async Task<bool> RunAsync(LoadSettings settings, string provider, PostgresProcess? postgres)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("communitybot-load-").FullName;
        try
        {
            await using var teams = await FakeTeamsConnector.StartAsync();
            // Teams' rate limits are the dispatcher's business (the fan-out benchmark measures them); here members press
            // as fast as the host answers, far beyond what people do in one chat, so the limits would only measure that.
            teams.UseRateLimits(null);
            teams.TenantId = LoadWorld.TenantId;
            teams.RequiredBearerToken = LocalIdentity.ConnectorToken;
            await using var identity = await LocalIdentity.StartAsync();
            var storage = Storage(provider, postgres, workingDirectory);
            await using var world = await LoadWorld.CreateAsync(storage, teams, settings.Members);
            var token = identity.ChannelToken(teams.ServiceUrl);
            var activities = new MemberActivities(teams.ServiceUrl);
            using var http = LoadDriver.CreateClient();

            LoadResult bare;
            await using (var endpoint = await BareEndpoint.StartAsync())
            {
                var scripts = world.Members.Select(m => new MemberScript(m, "1:bare", activities)).ToList();
                var driver = new LoadDriver(endpoint.Url, token, strict: false);
                await driver.WarmUpAsync(http, scripts);
                var harnessBefore = HarnessProcessorTime();
                bare = await driver.RunAsync(http, scripts, settings);
                bare = bare with { HarnessCpu = HarnessProcessorTime() - harnessBefore };
            }

            await using var host = await LoadHost.StartAsync(workingDirectory, HostSettings(storage, identity));
            var reminders = await DeliveredRemindersAsync(teams, world.Members, host);
            var idle = host.ResidentBytes();
            var members = world.Members.Select(m => new MemberScript(m, reminders[m.Index], activities)).ToList();
            var bot = new LoadDriver(host.MessagesEndpoint, token, strict: true);
            await bot.WarmUpAsync(http, members);
            // A timed run gives the figures; a counted one (--presses) checks what was stored and need not wait.
            var settled = settings.PressesPerMember is null ? await host.WaitForFirstJobRoundAsync() : TimeSpan.Zero;
            var idleCpu = await IdleProcessorShareAsync(host);
            using var memory = new PeakMemory(host);
            var (hostBefore, harnessAt) = (host.ProcessorTime(), HarnessProcessorTime());
            var result = await bot.RunAsync(http, members, settings);
            result = result with { HostCpu = host.ProcessorTime() - hostBefore, HarnessCpu = HarnessProcessorTime() - harnessAt };
            var peak = memory.Stop();
            if (settings.HostLog is { } log)
            {
                await File.WriteAllLinesAsync($"{log}.{provider}", host.Lines);
            }

            var pressed = world.Members.Select((m, i) => (m, members[i].Tally)).ToList();
            var mismatches = (await world.MismatchesAsync(pressed)).Concat(MissingReplies(teams, pressed, result.StartedAt)).ToList();
            Report(settings, provider, host, (idle, idleCpu, peak, settled), result, bare, pressed, mismatches);
            return result.ErrorCount == 0 && bare.ErrorCount == 0 && mismatches.Count == 0;
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static Dictionary<string, string?> Storage(string provider, PostgresProcess? postgres, string workingDirectory) => provider switch
    {
        LoadSettings.Sqlite => new()
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(workingDirectory, "communitybot.db")}",
        },
        LoadSettings.Postgres => new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = postgres!.Database($"load_{Guid.NewGuid():N}"),
        },
        _ => throw new ArgumentException($"Unknown provider '{provider}': use {LoadSettings.Sqlite} or {LoadSettings.Postgres}."),
    };

    private static Dictionary<string, string> HostSettings(IReadOnlyDictionary<string, string?> storage, LocalIdentity identity)
    {
        var settings = storage.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        settings["Hangfire__Storage"] = settings["Storage__Provider"] == "PostgreSql" ? "PostgreSql" : "InMemory";
        settings["Demo__Enabled"] = "false";
        settings["Bot__AppId"] = LocalIdentity.AppId;
        settings["Bot__AppPassword"] = "load-test-secret";
        settings["Bot__OpenIdMetadataUrl"] = identity.BotFramework.MetadataUrl;
        settings["Bot__AuthorityHost"] = identity.AuthorityHost;
        // .NET on Linux reads its trusted roots from here: only the local token endpoint's certificate.
        settings["SSL_CERT_FILE"] = identity.CertificateFile;
        return settings;
    }

    /// <summary>The activity id of each member's reminder card, once the host's dispatcher has delivered them all.</summary>
    private static async Task<IReadOnlyDictionary<int, string>> DeliveredRemindersAsync(FakeTeamsConnector teams, IReadOnlyList<LoadMember> members, LoadHost host)
    {
        try
        {
            await teams.WaitUntilAsync(() => members.All(m => teams.ActivitiesIn(m.ConversationId).Count > 0), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The reminders were not all delivered within 60 s:{Environment.NewLine}{host.Output}");
        }
        return members.ToDictionary(m => m.Index, m => teams.ActivitiesIn(m.ConversationId).Keys.Single());
    }

    /// <summary>Every message turn answered 200 must have put exactly one reply in the member's chat.</summary>
    private static IEnumerable<string> MissingReplies(FakeTeamsConnector teams, IReadOnlyList<(LoadMember Member, MemberTally Tally)> pressed, DateTimeOffset since)
    {
        var replies = teams.Requests
            .Where(r => r.Operation == FakeConnectorOperation.SendToConversation && r.ReceivedAt >= since && r.Succeeded)
            .GroupBy(r => r.ConversationId!)
            .ToDictionary(g => g.Key, g => g.Count());
        return pressed
            .Where(p => replies.GetValueOrDefault(p.Member.ConversationId) != p.Tally.Messages)
            .Select(p => $"member {p.Member.Index}: {p.Tally.Messages} messages answered, {replies.GetValueOrDefault(p.Member.ConversationId)} replies in the chat");
    }

    /// <summary>
    /// The share of one core the host uses with nobody talking to it (the dispatcher, Hangfire, timers), over 2 s: what
    /// is not the requests' in its CPU per request.
    /// </summary>
    private static async Task<double> IdleProcessorShareAsync(LoadHost host)
    {
        var before = host.ProcessorTime();
        var window = TimeSpan.FromSeconds(2);
        await Task.Delay(window);
        return (host.ProcessorTime() - before) / window;
    }

    private static void Report(LoadSettings settings, string provider, LoadHost host, (long Idle, double IdleCpu, long Peak, TimeSpan Settled) use, LoadResult bot, LoadResult bare,
        IReadOnlyList<(LoadMember Member, MemberTally Tally)> pressed, IReadOnlyList<string> mismatches)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"profile: {settings.Profile} provider={provider} cores={Environment.ProcessorCount} load-average={LoadAverage()}"));
        Console.WriteLine(string.Create(c,
            $"host: start-up to ready={host.StartUp.TotalSeconds:F2}s memory idle={use.Idle / 1048576.0:F0}MB under-load-peak={use.Peak / 1048576.0:F0}MB idle-cpu={use.IdleCpu:P0} of a core waited-for-first-job-round={use.Settled.TotalSeconds:F0}s"));
        Console.WriteLine(bot.Line("bot"));
        Console.WriteLine(bot.StepsLine("bot"));
        Console.WriteLine(bot.SlowLine("bot"));
        Console.WriteLine(bare.Line("bare"));
        // Members who think ask both endpoints for the same; only without pause does the ratio show what the stack costs.
        var ratioMeans = settings.Think.Thinks ? " (members think: throughput is what they ask; use --profile saturation)" : "";
        Console.WriteLine(string.Create(c,
            $"ratio: throughput bot/bare={bot.Throughput / bare.Throughput:F2} invoke-p99 bot/bare={bot.Invokes.Percentile(99) / bare.Invokes.Percentile(99):F1}{ratioMeans}"));
        Console.WriteLine(string.Create(c,
            $"checked: members={pressed.Count} presses={pressed.Sum(p => p.Tally.Presses)} changes={pressed.Sum(p => p.Tally.Done + p.Tally.Help + p.Tally.Undos)} replies={pressed.Sum(p => p.Tally.Messages)} mismatches={mismatches.Count}"));
        foreach (var mismatch in mismatches.Take(20))
        {
            Console.WriteLine($"  {mismatch}");
        }
    }

    private static TimeSpan HarnessProcessorTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
