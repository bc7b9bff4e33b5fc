using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        // The options are built once (a singleton): built per scope, every turn and job paid for building them and for
        // EF Core's look-up of its internal services by them.
        if (options.Provider == StorageProvider.PostgreSql)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(db => db.UseNpgsql(PostgresConnections.Tuned(options.ConnectionString)), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            EnsureSqliteFolder(options.ConnectionString);
            services.AddSingleton<SqliteWriteInterceptor>();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((provider, db) => db.UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqlitePragmas(), provider.GetRequiredService<SqliteWriteInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
        }
        services.AddSingleton<SqliteWriteGate>();
        services.AddHostedService<DatabaseMigrator>();
        // A round trip, not CanConnect: a pooled connection "opens" without one, so a server that went away would look fine.
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"], customTestQuery: async (db, ct) =>
        {
            db.Database.SetCommandTimeout(options.RequestTimeout);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return true;
        });
        services.AddTransient<IStartupFilter, DatabaseUnavailableMiddleware.StartupFilter>();
        services.AddSingleton<IDeveloperPageExceptionFilter, DatabaseUnavailableMiddleware.DeveloperPageFilter>();
        // Added before AddBot's middleware (Program calls AddStorage first), so the activity claim is bounded too.
        services.AddTurnMiddleware<TurnDatabaseTimeout>();
        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Brings the schema up to date before anything else touches the database.</summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
