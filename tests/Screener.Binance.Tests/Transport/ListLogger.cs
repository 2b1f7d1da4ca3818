using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Screener.Binance.Tests.Transport;

/// <summary>Keeps formatted log lines so a test can check that causes are logged.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
}

/// <summary>Hands out loggers that all write into one <see cref="ListLogger"/>, prefixed with their category.</summary>
internal sealed class ListLoggerFactory(ListLogger target) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Prefixed(target, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Prefixed(ListLogger target, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            target.Lines.Enqueue($"{logLevel}: [{category}] {formatter(state, exception)}");
    }
}
