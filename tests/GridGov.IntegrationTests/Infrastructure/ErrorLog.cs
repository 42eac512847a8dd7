using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>The host's errors with their exceptions, kept so that a test answered with a 500 can say what the server saw.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>The last few errors logged, newest last.</summary>
    public string Recent(int count = 3) => string.Join("\n---\n", _entries.TakeLast(count));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log._entries.Enqueue($"{category}: {formatter(state, exception)}\n{exception}");
            while (log._entries.Count > 50) log._entries.TryDequeue(out _);
        }
    }
}
