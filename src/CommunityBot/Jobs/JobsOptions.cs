namespace CommunityBot.Jobs;

public enum JobStorage
{
    InMemory,
    PostgreSql,
}

/// <summary>The "Hangfire" section. Job storage may be volatile: every timed job re-derives its work from the database.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    public JobStorage Storage { get; set; } = JobStorage.InMemory;

    /// <summary>Required for PostgreSql storage; defaults to Storage:ConnectionString.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Serve the dashboard at /hangfire: in Development to callers on this machine, elsewhere read-only to admins of the hosting tenant.</summary>
    public bool DashboardEnabled { get; set; } = true;

    /// <summary>Run jobs in this process. Off for instances that only serve requests, and in tests (they run sweeps themselves).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
}
