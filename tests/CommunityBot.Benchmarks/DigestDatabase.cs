using System.Diagnostics;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Digests;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Storage;
using CommunityBot.Tenants;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.Benchmarks;

/// <summary>One seeded school group and the services that build its digests, as the host registers them.</summary>
internal sealed class DigestDatabase : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 07:30 in Brussels: when the week's digests are made.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 6, 30, 0, TimeSpan.Zero);

    public static readonly DigestPeriod Period = new(new DateOnly(2026, 3, 2), new DateTimeOffset(2026, 2, 22, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));

    private readonly ServiceProvider services;
    private readonly string? sqliteFile;
    private readonly DigestSeeder seeder;

    private DigestDatabase(int communities, ServiceProvider services, string? sqliteFile, DigestSeeder seeder) =>
        (Communities, this.services, this.sqliteFile, this.seeder) = (communities, services, sqliteFile, seeder);

    public int Communities { get; }
    public double SeedSeconds { get; private set; }
    public long Rows { get; private set; }

    public static async Task<DigestDatabase> CreateAsync(string provider, PostgresProcess? postgres, int communities, bool logSql)
    {
        var sqliteFile = provider == SweepSettings.Postgres ? null : Path.Combine(Path.GetTempPath(), $"communitybot-digests-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = sqliteFile is null ? "PostgreSql" : "Sqlite",
            ["Storage:ConnectionString"] = sqliteFile is null ? postgres!.Database($"digests_{communities}") : $"Data Source={sqliteFile}",
        }).Build();
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None)
                // --log-sql: every command with its time, to see where the time goes.
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", logSql ? LogLevel.Information : LogLevel.Warning).AddConsole())
            .AddStorage(configuration)
            .AddCommunities()
            .AddSchedule()
            .AddTenants()
            .AddSessionAttendance()
            // Development uses the built-in pseudonym secret.
            .AddSingleton<IHostEnvironment>(development)
            .AddCheckIns(configuration, development)
            .AddDigests()
            .BuildServiceProvider();
        var database = new DigestDatabase(communities, services, sqliteFile,
            new DigestSeeder(communities, Period.To, services.GetRequiredService<InstrumentCatalog>().Current));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync();
        await database.seeder.SeedAsync(db.Database.GetDbConnection(), (_, rows) => database.Rows += rows);
        // Fresh statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE would leave them.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        database.SeedSeconds = watch.Elapsed.TotalSeconds;
        return database;
    }

    /// <summary>Every recipient's digest and its cards, in one scope as the weekly job will make them.</summary>
    public async Task<(IReadOnlyList<Digest> Digests, int Cards)> AllDigestsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var digests = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().ForTenantAsync(DigestSeeder.TenantId, Period, CancellationToken.None);
        return (digests, digests.Sum(d => DigestCards.Build(d).Count));
    }

    /// <summary>Every section against what the seeder wrote for its community; the differences, none when right.</summary>
    public Task<List<string>> CheckAsync(IReadOnlyList<Digest> digests)
    {
        List<string> errors = [];
        var sections = digests.SelectMany(d => d.Communities).GroupBy(s => s.CommunityId).ToDictionary(g => g.Key, g => g.First());
        if (sections.Count != Communities)
        {
            errors.Add($"{sections.Count} communities in the digests, {Communities} seeded");
        }
        if (digests.Count == 0 || digests.Any(d => d.Recipient.Audience == DigestAudience.Leader && d.Communities.Any(s => s.ForCoach is not null)))
        {
            errors.Add("no digests, or a leader's digest with coach details");
        }
        foreach (var (id, s) in sections)
        {
            var c = (int)id - 1;
            void Expect<T>(string what, T actual, T expected)
            {
                if (!EqualityComparer<T>.Default.Equals(actual, expected))
                {
                    errors.Add($"community {c} {what}: {actual}, expected {expected}");
                }
            }
            Expect("agreements", s.Agreements, DigestSeeder.ExpectedAgreements(c));
            Expect("coaches", string.Join(",", s.Coaches), $"Coach {c / 5}");
            Expect("sessions this school year", s.SessionsThisSchoolYear, DigestSeeder.LastHeld);
            Expect("last session", s.LastSessionAt, seeder.Start(c, DigestSeeder.LastHeld));
            Expect("next session", s.NextSessionAt, DigestSeeder.NextCancelled(c) ? null : seeder.Start(c, DigestSeeder.LastHeld + 1));
            Expect("attendance recorded", string.Join(",", s.RecentSessions.Select(r => r.Recorded)), $"False,True,{c % 3 != 0}");
            Expect("released rounds", s.CheckIns.Count(r => r is CheckInAggregate), DigestSeeder.ReleasedRounds(c));
            Expect("rounds", s.CheckIns.Count, 3);
            Expect("comments", s.CheckIns.OfType<CheckInAggregate>().Sum(r => r.Comments.Count), 0);
            Expect("previous phase", s.PreviousPhase, c % 20 == 0 ? CommunityPhase.TeachersMotivated : null);
            Expect("no next session flagged", s.NeedsAttention.Any(a => a.Kind == AttentionKind.NoNextSession), DigestSeeder.NextCancelled(c));
        }
        return Task.FromResult(errors);
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
