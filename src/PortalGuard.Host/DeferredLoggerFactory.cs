using Microsoft.Extensions.Logging;

namespace PortalGuard.Host;

/// <summary>
/// Hands out loggers that build the real factory on their first use, so building the log pipeline (Serilog and its shared
/// file) is not on the way to the browser's first reply, which normally logs nothing.
/// </summary>
internal sealed class DeferredLoggerFactory(Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lazy<ILoggerFactory> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(_inner, categoryName);

    public void AddProvider(ILoggerProvider provider) => _inner.Value.AddProvider(provider);

    public void Dispose()
    {
        if (_inner.IsValueCreated)
        {
            _inner.Value.Dispose();
        }
    }

    private sealed class DeferredLogger(Lazy<ILoggerFactory> factory, string categoryName) : ILogger
    {
        private readonly Lazy<ILogger> _logger = new(() => factory.Value.CreateLogger(categoryName), LazyThreadSafetyMode.ExecutionAndPublication);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _logger.Value.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => _logger.Value.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _logger.Value.Log(logLevel, eventId, state, exception, formatter);
    }
}
