using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Storage;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The "Storage" section: the application database, which is the source of truth for all timed work.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/communitybot.db";

    /// <summary>Apply pending migrations at start-up. On by default for the embedded database; production may run them as a release step.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The longest one database command of a bot turn may take, a wait for SQLite's write lock included, before the
    /// request is answered 503: Teams gives up on an invoke after 15 s and retries a message, so waiting longer helps nobody
    /// (and a shorter bound turns a busy machine's slow commits into 503s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Retry-After of a 503 answered because the database cannot be used now.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
