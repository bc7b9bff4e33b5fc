using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Tests.Logging;

/// <summary>
/// Every log entry a test host writes, with the values of the scopes it was written in and its exception, as text: what
/// an operator's log store would hold. Added to every <see cref="BotApplication"/>, so the whole suite is scanned.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<string>();
            AddValues(values, state);
            capture.scopes.ForEachScope((scope, list) => AddValues(list, scope), values);
            capture.entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }

        /// <summary>A scope or state is kept whole and, when it is structured, value by value (a formatted message may leave some out).</summary>
        private static void AddValues(List<string> values, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                values.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
            }
            else if (state?.ToString() is { } text)
            {
                values.Add(text);
            }
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Values, string? Exception)
{
    /// <summary>Everything the entry wrote: the message, its scope and state values, the exception.</summary>
    public IEnumerable<string> Texts => [Message, .. Values, .. Exception is null ? Array.Empty<string>() : [Exception]];

    public override string ToString() => $"[{Level}] {Category} ({EventId.Id}): {Message}";
}
