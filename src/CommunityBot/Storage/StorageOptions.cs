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
}
