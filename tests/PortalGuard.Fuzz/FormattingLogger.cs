using Microsoft.Extensions.Logging;

namespace PortalGuard.Fuzz;

/// <summary>
/// A logger that is enabled for every level and formats every message, then drops it. A null logger would skip the
/// formatting, and with it any fault in a log template or in what a log line is given.
/// </summary>
internal sealed class FormattingLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _ = formatter(state, exception);
    }
}
