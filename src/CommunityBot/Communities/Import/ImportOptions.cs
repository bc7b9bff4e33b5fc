using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Communities.Import;

/// <summary>The "Import" section: how large an import may be and how it is written.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Rows a file may hold (a school group of 30,000 staff is some 100,000 rows); more is refused whole.</summary>
    [Range(1, 2_000_000)]
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Bytes a request body may hold, chunked or not; more is 413 before anything is parsed.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Errors listed in an answer; the answer also counts all of them.</summary>
    [Range(1, 10_000)]
    public int MaxErrors { get; set; } = 100;

    /// <summary>
    /// Rows written in one transaction. A turn's write on SQLite waits for at most the batch being written (the README
    /// has the figures: with 500 rows a turn's answer took up to 1.9 s under load, with 50 rows 0.4 s, at about the same rows per second).
    /// </summary>
    [Range(1, 10_000)]
    public int BatchRows { get; set; } = 50;

    /// <summary>
    /// Rows written in one transaction on PostgreSQL, where a turn never waits for an import's batch (it locks only the
    /// rows it writes): fewer, larger batches cost the import and the server less per row (the README has the figures).
    /// </summary>
    [Range(1, 10_000)]
    public int PostgreSqlBatchRows { get; set; } = 2_000;

    /// <summary>A file of at most this many rows is written during the request (200); a larger one in the background (202).</summary>
    [Range(0, 2_000_000)]
    public int SynchronousRows { get; set; } = 2_000;

    /// <summary>A running import that reported no progress for this long stopped with its instance: its status says so.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(2);
}
