using System.Diagnostics;
using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Nudges;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using CommunityBot.Tenants;
using CommunityBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using CommunityBot.Teams.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Benchmarks;

/// <summary>One seeded database of a given size and the services that sweep it, as the host registers them.</summary>
internal sealed class SweepDatabase : IAsyncDisposable
{
    /// <summary>Tuesday 10 March 2026, 10:00 in Brussels: a school day at an hour the bot may write.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;
    private readonly string? sqliteFile;

    private SweepDatabase(int size, ServiceProvider services, string? sqliteFile) => (Size, this.services, this.sqliteFile) = (size, services, sqliteFile);

    public int Size { get; }

    public static async Task<SweepDatabase> CreateAsync(string provider, PostgresProcess? postgres, int size)
    {
        var sqliteFile = provider == SweepSettings.Postgres ? null : Path.Combine(Path.GetTempPath(), $"communitybot-sweeps-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = sqliteFile is null ? "PostgreSql" : "Sqlite",
            ["Storage:ConnectionString"] = sqliteFile is null ? postgres!.Database($"sweeps_{size}") : $"Data Source={sqliteFile}",
        }).Build();
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            // Migrating a PostgreSQL database that does not exist yet logs a failed connection before creating it.
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None).AddConsole())
            .AddStorage(configuration)
            .AddTeamsConnector()
            .AddDelivery(configuration)
            .AddCommunities()
            .AddSessions()
            .AddSchedule()
            .AddTenants()
            .AddAgreements()
            .AddSessionAttendance()
            .AddBriefings()
            // The briefing reads the latest check-in's headline; Development uses the built-in pseudonym secret.
            .AddSingleton<IHostEnvironment>(development)
            .AddCheckIns(configuration, development)
            .AddNudges()
            // The sweeps as the job table registers them, without a Hangfire to schedule them.
            .AddScoped<ReminderSweep>()
            .AddScoped<BriefingSweep>()
            .AddScoped<NudgeSweep>()
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await SweepSeeder.SeedAsync(db, size, Now);
            // Fresh statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE would leave them.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        return new SweepDatabase(size, services, sqliteFile);
    }

    /// <summary>One run of the sweep in its own scope, as Hangfire runs it, in milliseconds.</summary>
    public async Task<double> TimeAsync<TJob>() where TJob : class, IRecurringJob
    {
        await using var scope = services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        var watch = Stopwatch.StartNew();
        await job.RunAsync(CancellationToken.None);
        return watch.Elapsed.TotalMilliseconds;
    }

    public async Task<int> EnqueuedAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
