using System.Data.Common;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Agreements;

/// <summary>Test-only command interceptors for the SQLite test host: injected failures, gates and counters.</summary>
public sealed class DbFaults : DbCommandInterceptor
{
    private int failuresLeft;
    private string? failWhen;

    private readonly AsyncLocal<bool> recording = new();

    /// <summary>The SQL commands sent inside <see cref="Record"/> (this async flow and the requests it posts, not the host's background workers).</summary>
    public List<string> Commands { get; } = [];

    /// <summary>Records the commands of the code awaited inside, until disposed.</summary>
    public IDisposable Record()
    {
        recording.Value = true;
        return new Stop(this);
    }

    private sealed class Stop(DbFaults faults) : IDisposable
    {
        public void Dispose() => faults.recording.Value = false;
    }

    /// <summary>Called with each query once it has read; may block (to line up a race).</summary>
    public Action<string>? AfterReader { get; set; }

    public static Action<IServiceCollection> Install(DbFaults faults) =>
        services => services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(faults));

    /// <summary>The next command whose SQL contains <paramref name="fragment"/> throws, once.</summary>
    public void FailOnce(string fragment)
    {
        failWhen = fragment;
        Interlocked.Exchange(ref failuresLeft, 1);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        AfterReader?.Invoke(command.CommandText);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Seen(DbCommand command)
    {
        if (recording.Value)
        {
            lock (Commands)
            {
                Commands.Add(command.CommandText);
            }
        }
        if (failWhen is { } fragment && command.CommandText.Contains(fragment, StringComparison.Ordinal) && Interlocked.Exchange(ref failuresLeft, 0) == 1)
        {
            throw new InvalidOperationException("Simulated failure after the save.");
        }
    }
}
