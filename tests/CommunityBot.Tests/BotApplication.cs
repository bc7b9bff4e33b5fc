using System.Net;
using System.Net.Http.Json;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;
using CommunityBot.Tests.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Tests;

/// <summary>
/// The real host (WebApplicationFactory) on its own SQLite file, talking to a fake Teams connector on loopback,
/// with a fake clock. One per test: tests do not share state. No Hangfire server runs: a test runs a sweep when it
/// says so, and delivery is driven by the worker alone.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"communitybot-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Demo:Enabled"] = "false",
        ["Hangfire:RunServer"] = "false",
        // Production-like starts need a real secret; a test of the Development default removes it.
        ["CheckIns:PseudonymSecret"] = "a-test-only-pseudonym-secret-0123456789abcdef",
        // Outside Development admins must sign in with Entra ID; nothing reaches this registration unless a test sends a token.
        ["AzureAd:TenantId"] = HostingTenant,
        ["AzureAd:ClientId"] = AdminClientId,
    };

    /// <summary>The tenant the app registration for admin sign-in lives in (the operator's).</summary>
    public const string HostingTenant = "0d6e2b8a-4c1f-4e7a-9b3d-5f6a7b8c9d0e";

    public const string AdminClientId = "5f1a7c3e-2b4d-4e6f-8a9b-0c1d2e3f4a5b";

    private readonly Action<IServiceCollection>? configureServices;

    private BotApplication(FakeTeamsConnector connector, FakeTimeProvider clock, Action<IServiceCollection>? configureServices)
    {
        this.configureServices = configureServices;
        Connector = connector;
        Clock = clock;
        settings["Storage:ConnectionString"] = $"Data Source={databasePath}";
        // The fake clock jumps a second at a time; the shared budget's slots follow the database's real clock.
        settings["Delivery:ShareTenantBudget"] = "false";
    }

    public FakeTeamsConnector Connector { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Everything the host logged; at disposal none of it may hold a value in <see cref="Sensitive"/>.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Texts, names, e-mail addresses and tokens this test sent or seeded (collected as it posts).</summary>
    public SensitiveValues Sensitive { get; } = new();

    /// <summary>
    /// The address every request seems to come from. The in-memory test server leaves it empty, which the loopback rules
    /// refuse; tests run as a local caller unless they set another address (or null).
    /// </summary>
    public IPAddress? RemoteAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Headers set on every request from now on, as a tunnel, a proxy or a foreign page (its Host) would send them.</summary>
    public Dictionary<string, string> RequestHeaders { get; } = [];

    /// <summary>Monday 2 March 2026, 10:00 in Brussels: a school day.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <param name="start">When the fake clock starts; a fake clock cannot go back, so a test of an earlier date starts there.</param>
    /// <param name="kestrel">Serve on a real loopback port (Kestrel, with its request limits) instead of in memory.</param>
    public static async Task<BotApplication> StartAsync(
        Action<IDictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null, DateTimeOffset? start = null,
        bool kestrel = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var clock = new FakeTimeProvider(start ?? Start);
            var connector = await FakeTeamsConnector.StartAsync(clock);
            var app = new BotApplication(connector, clock, services);
            configure?.Invoke(app.settings);
            try
            {
                if (kestrel)
                {
                    app.UseKestrel(0);
                    app.StartServer();
                }
                else
                {
                    _ = app.Server;
                }
                return app;
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                // A start the host refuses (options that fail validation) can lose a race in WebApplicationFactory: on a
                // busy machine Program's Run fails and disposes the host before the factory asks it for its lifetime,
                // and that question's ObjectDisposedException hides the refusal. Starting again shows the refusal.
                await app.DisposeAsync();
            }
        }
    }

    public TeamsActivities Teams => new(Connector.ServiceUrl);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.UseFakeTeamsConnectorTokens(Connector);
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(this));
            // A request runs in the posting test's flow, so what the test records around a post (DbFaults.Record) includes the turn.
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
            // The project's own code is captured down to Debug, others at their configured level.
            services.AddLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>("CommunityBot", LogLevel.Debug));
            configureServices?.Invoke(services);
        });
    }

    private sealed class RemoteAddressFilter(BotApplication app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = app.RemoteAddress;
                foreach (var (name, value) in app.RequestHeaders)
                {
                    context.Request.Headers[name] = value;
                }
                return nextMiddleware(context);
            });
            next(builder);
        };
    }

    /// <summary>Posts as Teams would; Teams then knows the conversation the activity came from, and so does the fake.</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization = null)
    {
        Connector.Learn(activity);
        Sensitive.AddActivity(activity);
        Sensitive.AddAuthorization(authorization);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity, options: TeamsJson.Options),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var client = CreateClient();
        return await client.SendAsync(request);
    }

    /// <summary>Posts an Action.Execute invoke and returns the card Teams would show in its place.</summary>
    public async Task<InvokeResponse> InvokeAsync(Activity invoke)
    {
        var response = await PostAsync(invoke);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InvokeResponse>(TeamsJson.Options))!;
    }

    /// <summary>
    /// Completes when every due message is handled and delivery cannot progress without the fake clock moving (the worker
    /// waiting for a later moment). A send that waits for its slot in the tenant's pace (several sends due at one fake
    /// instant) is taken there: the clock moves on to its slot, as real time would within seconds. Tests wait for this
    /// instead of sleeping; the timeout only guards against a hang.
    /// </summary>
    /// <param name="takeSlots">False for a test that moves the clock on in steps itself and watches the pace.</param>
    public async Task DeliveryIdleAsync(bool takeSlots = true)
    {
        var state = Services.GetRequiredService<DispatcherState>();
        try
        {
            await state.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
            while (takeSlots && state.WaitingForSlot() is { } slot && slot > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(slot);
                await state.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Delivery did not become idle: {state}");
        }
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await LogScan.CollectPeopleAsync(this);
        await base.DisposeAsync();
        await Connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
        LogScan.AssertClean(this);
    }
}
