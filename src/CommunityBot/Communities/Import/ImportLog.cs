namespace CommunityBot.Communities.Import;

internal static partial class ImportLog
{
    [LoggerMessage(4052, LogLevel.Information, "Import {ImportId} for tenant {TenantId} queued: {RowCount} rows")]
    public static partial void Queued(ILogger logger, Guid importId, string tenantId, int rowCount);

    [LoggerMessage(4053, LogLevel.Information, "Import {ImportId} done: {RowCount} rows in {ElapsedMs} ms")]
    public static partial void Done(ILogger logger, Guid importId, int rowCount, long elapsedMs);

    /// <summary>The exception's type only: a database error's message can quote the row's values.</summary>
    [LoggerMessage(4054, LogLevel.Error, "Import {ImportId} failed after {RowsWritten} rows: {ExceptionType}")]
    public static partial void Failed(ILogger logger, Guid importId, int rowsWritten, string exceptionType);

    [LoggerMessage(4055, LogLevel.Warning, "Import {ImportId} stopped with the host after {RowsWritten} rows")]
    public static partial void Stopped(ILogger logger, Guid importId, int rowsWritten);
}
