using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FluxGen.IntegrationTests.Hosting;

/// <summary>Keeps every log entry with its rendered message, state values and exception text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Everything a log sink could write out for one entry.</summary>
    public IEnumerable<string> AllText() => Entries.SelectMany(e => new[] { e.Message, e.Exception ?? string.Empty }.Concat(e.State));

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => p.Key + "=" + p.Value).ToArray()
                : [];
            owner.Entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string[] State, string? Exception);
