using System.Net.NetworkInformation;

namespace PortalGuard.Network;

/// <summary>Notices when the network posture changes (a VPN drops or comes up) and says so, at most once per change.</summary>
/// <remarks>
/// The operating system's address-change event wakes it at once; the interval catches what that event misses
/// (a route change with no address change, as when wg-quick swaps routing tables). A short settle delay folds a burst
/// of events into one check.
/// </remarks>
internal sealed class PostureWatcher(INetworkPostureProbe probe, TimeProvider time, TimeSpan interval, TimeSpan settleDelay)
{
    public async Task RunAsync(NetworkPosture? initial, Func<NetworkPosture, ValueTask> onChanged, CancellationToken cancellationToken)
    {
        // The baseline is what the extension can have seen: the posture at the start of the session, taken at once,
        // so a VPN that drops in the first seconds is still a change.
        PostureKey last;
        try
        {
            last = PostureKey.Of(initial ?? await probe.GetPostureAsync([], cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var wake = new SemaphoreSlim(0, 1);
        void OnAddressChanged(object? sender, EventArgs e)
        {
            if (wake.CurrentCount == 0)
            {
                try
                {
                    wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already signalled by another event of the same burst.
                }
            }
        }

        NetworkChange.NetworkAddressChanged += OnAddressChanged;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var delay = Task.Delay(interval, time, timeout.Token);
                    var signalled = wake.WaitAsync(timeout.Token);
                    await Task.WhenAny(delay, signalled).ConfigureAwait(false);
                    await timeout.CancelAsync().ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (signalled.IsCompletedSuccessfully)
                    {
                        await Task.Delay(settleDelay, time, cancellationToken).ConfigureAwait(false);
                    }
                }

                var posture = await probe.GetPostureAsync([], cancellationToken).ConfigureAwait(false);
                var key = PostureKey.Of(posture);
                if (key != last)
                {
                    await onChanged(posture).ConfigureAwait(false);
                }

                last = key;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The session ended.
        }
        finally
        {
            NetworkChange.NetworkAddressChanged -= OnAddressChanged;
            wake.Dispose();
        }
    }

    /// <summary>What counts as a change: everything but the time of the check.</summary>
    private sealed record PostureKey(VpnState Vpn, NetworkInterfaceFacts? Egress, NetworkInterfaceFacts? Ipv6Egress, string Tunnels, bool Ipv6BypassesTunnel, bool DnsOutsideTunnel)
    {
        public static PostureKey Of(NetworkPosture p) =>
            new(p.Vpn, p.Egress, p.Ipv6Egress, string.Join(',', p.TunnelsUp.Select(t => t.Name)), p.Ipv6BypassesTunnel, p.DnsOutsideTunnel);
    }
}
