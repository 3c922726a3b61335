using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Network;
using PortalGuard.Policy;
using PortalGuard.Storage;

namespace PortalGuard.Fuzz;

/// <summary>
/// One fuzz input is the whole of a browser's stdin for one session. The parts are the host's own, wired as
/// NativeHostRunner wires them, except that the database lives in a temporary folder, the probes are offline (no DNS
/// lookup, no TLS connection) and the local facts they gather are held. Any broken invariant throws, which the fuzzer
/// reports as a crash.
/// </summary>
internal sealed class SessionFuzzTarget : IDisposable
{
    private static readonly TimeSpan ProbeLifetime = TimeSpan.FromDays(1);

    private readonly string _dataDirectory;
    private readonly StoreHandle _store;
    private readonly MessageDispatcher _dispatcher;
    private readonly BrowserCaller _caller = new(BrowserFamily.Chromium, AllowedCallers.ChromiumOrigin);
    private readonly AllowedCallers _allowed = AllowedCallers.FromEnvironment(_ => null);
    private readonly FormattingLogger<NativeMessagingSession> _sessionLogger = new();

    public SessionFuzzTarget()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "portalguard-fuzz-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dataDirectory);
        var time = TimeProvider.System;
        _store = StoreHandle.Open(_dataDirectory, time, MachinePolicy.None(string.Empty));
        if (_store.Store is null)
        {
            throw new InvalidOperationException("The fuzz target's temporary database could not be opened.", _store.Error);
        }

        // The system's own posture and Wi-Fi probes, asked once and then held for the life of the process: with the
        // host's short cache lifetimes, an input's coverage would depend on when it ran, and the fuzzer would chase that.
        // Offline as PORTALGUARD_OFFLINE=1 makes it: no DNS lookup, no TLS connection.
        var posture = new CachedPostureProbe(NetworkPostureProbe.ForCurrentSystem(time), time, ProbeLifetime);
        var wifi = new CachedWifiProbe(WifiProbe.ForCurrentSystem(time), time, ProbeLifetime);
        var probes = GuardProbes.ForCurrentSystem(time, offline: true, posture) with { Wifi = wifi };
        var checker = new PortalChecker(_store, probes, time);
        var handlers = new RequestHandlers(checker, _store, posture, time, "fuzz");
        _dispatcher = new MessageDispatcher(handlers, new FormattingLogger<MessageDispatcher>());
    }

    /// <summary>Serves one session over <paramref name="input"/> and checks what it wrote and how it ended.</summary>
    /// <exception cref="InvariantViolationException">The session broke a promise; the fuzzer counts this as a crash.</exception>
    public void Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var stdout = new MemoryStream();
        using var writer = new FrameWriter(stdout);
        var session = new NativeMessagingSession(new FrameReader(new PipeLikeStream(input)), writer, _dispatcher, _sessionLogger);

        int exitCode;
        try
        {
            // The only exceptions a session lets out are cancellation and a broken stdout pipe (NativeMessagingService
            // handles both); with no cancellation and a memory stdout, any exception is a fault.
            // As the host does: the caller check and the first frame, then the rest of the session.
            exitCode = session.OpenAsync(_caller, _allowed, CancellationToken.None).GetAwaiter().GetResult()
                ?? session.ServeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            throw new InvariantViolationException($"{ex.GetType().Name} escaped the session", ex);
        }

        SessionInvariants.Check(input, exitCode, stdout.ToArray());
        ResetSettings();
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: left for the system to clean.
        }
    }

    /// <summary>A setSettings input would otherwise change how every later input is answered, and the fuzzer's coverage with it.</summary>
    private void ResetSettings()
    {
        var settings = _store.Require().Settings;
        if (settings.Get() != PortalGuardSettings.Defaults)
        {
            settings.Update(PortalGuardSettings.Defaults);
        }
    }
}
