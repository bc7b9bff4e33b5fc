using CommunityBot.Teams;
using CommunityBot.Teams.Connector;
using CommunityBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Teams.Tests.Connector;

/// <summary>A fake Teams connector plus a <see cref="ConnectorClient"/> wired exactly as the host wires it.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    /// <summary>The conversations the tests send to: like Teams, the fake answers 404 for any other.</summary>
    public static readonly string[] KnownConversations = ["a:1on1-29:1abc", "a:1on1-other", "19:abc@thread.tacv2"];

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    public IServiceProvider Services => services;

    private ConnectorHarness(FakeTeamsConnector fake, ServiceProvider services, FakeTimeProvider time)
    {
        Fake = fake;
        this.services = services;
        Time = time;
    }

    public FakeTeamsConnector Fake { get; }

    /// <summary>The client's clock (used for Retry-After dates).</summary>
    public FakeTimeProvider Time { get; }

    public ConnectorClient Client => services.GetRequiredService<ConnectorClient>();

    public string ServiceUrl => Fake.ServiceUrl;

    /// <summary>Without <paramref name="bot"/> the client runs anonymously (development mode).</summary>
    public static async Task<ConnectorHarness> StartAsync(
        Action<BotOptions>? bot = null, Action<IServiceCollection>? configure = null, TimeProvider? fakeConnectorTime = null)
    {
        var fake = await FakeTeamsConnector.StartAsync(fakeConnectorTime);
        foreach (var conversation in KnownConversations)
        {
            fake.AddConversation(conversation);
        }
        var time = new FakeTimeProvider(Now);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.Configure<BotOptions>(options =>
        {
            // The fake connector is plain http on loopback, as in Development.
            options.AllowLoopbackServiceUrls = true;
            bot?.Invoke(options);
        });
        collection.AddTeamsConnector();
        collection.UseFakeTeamsConnectorTokens(fake);
        configure?.Invoke(collection);
        return new ConnectorHarness(fake, collection.BuildServiceProvider(), time);
    }

    public static void WithSecret(BotOptions bot)
    {
        bot.AppId = "00000000-0000-0000-0000-00000000b07";
        bot.AppPassword = "not-a-real-secret";
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
