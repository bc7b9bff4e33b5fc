using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Benchmarks;

/// <summary>
/// The run's database (a SQLite file in the run's folder, or a fresh PostgreSQL database), the settings that point the
/// host processes at it, and the benchmark's own services on it: the real <see cref="Outbox"/> the work goes through.
/// </summary>
internal sealed class FanOutDatabase : IAsyncDisposable
{
    private readonly PostgresProcess? server;

    private FanOutDatabase(ServiceProvider services, Dictionary<string, string> hostSettings, PostgresProcess? server)
    {
        Services = services;
        HostSettings = hostSettings;
        this.server = server;
    }

    public ServiceProvider Services { get; }

    /// <summary>Environment variables for the hosts: the same storage, and on PostgreSQL Hangfire's storage too (as in production).</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; }

    public static async Task<FanOutDatabase> CreateAsync(FanOutSettings settings, string folder)
    {
        PostgresProcess? server = null;
        Dictionary<string, string> hostSettings;
        string provider;
        string connectionString;
        if (settings.Database == FanOutSettings.Postgres)
        {
            var name = $"fanout_{Guid.NewGuid():N}";
            if (settings.ConnectionString is null)
            {
                server = await PostgresProcess.StartAsync();
            }
            connectionString = settings.ConnectionString ?? server!.Database(name);
            provider = "PostgreSql";
            hostSettings = new() { ["Storage__Provider"] = provider, ["Storage__ConnectionString"] = connectionString, ["Hangfire__Storage"] = "PostgreSql" };
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(folder, "communitybot.db")}";
            provider = "Sqlite";
            hostSettings = new() { ["Storage__ConnectionString"] = connectionString };
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            // Migrating a database that does not exist yet logs a connection error before creating it: not the run's.
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None).AddConsole())
            .AddStorage(configuration)
            .AddDelivery(configuration)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        }
        return new FanOutDatabase(services, hostSettings, server);
    }

    /// <summary>The outbox rows as they stand, for the figures and for what a stuck run is missing.</summary>
    public async Task<List<OutboxRow>> RowsAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Select(m => new OutboxRow(m.DedupeKey, m.State, m.CreatedAt)).ToListAsync(ct);
    }

    public async Task<int> UnfinishedAsync(CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>()
            .CountAsync(m => m.State == OutboxState.Pending || m.State == OutboxState.Sending, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>What the figures need of one outbox row: its text is its dedupe key, and when it was enqueued (Unix ms).</summary>
internal sealed record OutboxRow(string DedupeKey, OutboxState State, long CreatedAt);
