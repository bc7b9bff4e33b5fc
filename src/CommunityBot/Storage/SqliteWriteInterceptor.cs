using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityBot.Storage;

/// <summary>
/// Takes every SQLite write of this instance through <see cref="SqliteWriteGate"/>: a transaction from its start
/// (Microsoft.Data.Sqlite begins IMMEDIATE, which takes SQLite's write lock at once) to its commit or rollback, or to
/// its connection's close when it is disposed without either; a write statement outside a transaction (one-row
/// SaveChanges, ExecuteUpdate, the outbox claim) until it is done, its reader included.
/// </summary>
internal sealed class SqliteWriteInterceptor(SqliteWriteGate gate) : IDbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (eventData.Context is { } db)
        {
            gate.EnterTransactionAsync(db, connection, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await gate.EnterTransactionAsync(db, connection, cancellationToken);
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => EndTransaction(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EndTransaction(eventData);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => EndTransaction(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EndTransaction(eventData);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => EndTransaction(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndTransaction(eventData);

    // A transaction disposed without commit or rollback (an early return, an exception) rolls back and closes the connection EF Core opened for it.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => EndTransaction(eventData);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => EndTransaction(eventData);

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => EndTransaction(eventData);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => EndTransaction(eventData);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Entered(command, eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Entered(command, eventData, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Entered(command, eventData, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, eventData, result, cancellationToken);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Exited(command, eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Exited(command, eventData, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Exited(command, eventData, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Exited(command, eventData, result));

    // A reader's statement holds SQLite's lock until the reader is done with it (UPDATE … RETURNING), so the gate is released there.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) =>
        Exited(command, eventData, result);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitCommand(command, eventData);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Exited(command, eventData, Task.CompletedTask);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitCommand(command, eventData);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Exited(command, eventData, Task.CompletedTask);

    private T Entered<T>(DbCommand command, CommandEventData eventData, T result)
    {
        if (eventData.Context is { } db)
        {
            gate.EnterCommandAsync(db, command, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    private async ValueTask<T> EnteredAsync<T>(DbCommand command, CommandEventData eventData, T result, CancellationToken ct)
    {
        if (eventData.Context is { } db)
        {
            await gate.EnterCommandAsync(db, command, ct);
        }
        return result;
    }

    private T Exited<T>(DbCommand command, DbContextEventData eventData, T result)
    {
        ExitCommand(command, eventData);
        return result;
    }

    private void ExitCommand(DbCommand command, DbContextEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            gate.ExitCommand(db, command);
        }
    }

    private Task EndTransaction(DbContextEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            gate.ExitTransaction(db);
        }
        return Task.CompletedTask;
    }
}
