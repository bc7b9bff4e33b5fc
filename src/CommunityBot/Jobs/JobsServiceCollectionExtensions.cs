using CommunityBot.Admin;
using CommunityBot.Storage;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;

namespace CommunityBot.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var connectionString = options.ConnectionString
            ?? configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.ConnectionString;

        services.AddHangfire((provider, hangfire) =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.Storage == JobStorage.PostgreSql)
            {
                hangfire.UsePostgreSqlStorage(pg => pg.UseNpgsqlConnection(connectionString));
            }
            else
            {
                hangfire.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
            }
        });
        if (options.RunServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
        }
        foreach (var job in RecurringJobTable.All)
        {
            job.Register(services);
        }
        return services;
    }

    /// <summary>
    /// The dashboard behind <see cref="AdminPolicy.Dashboard"/> (no Hangfire filter of its own). It shows every tenant's
    /// jobs, so outside Development only admins of the hosting tenant get it, and read-only: a retry or a delete stays a
    /// deliberate act on the machine, not a click.
    /// </summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        if (options.DashboardEnabled)
        {
            var readOnly = !app.Environment.IsDevelopment();
            app.MapHangfireDashboardWithAuthorizationPolicy(AdminPolicy.Dashboard, "/hangfire",
                new DashboardOptions { Authorization = [], IsReadOnlyFunc = _ => readOnly });
        }
        return app;
    }
}
