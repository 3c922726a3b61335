namespace PortalGuard.Network;

/// <summary>Finds the Wi-Fi network this machine is on and whether it is open.</summary>
internal interface IWifiProbe
{
    /// <summary>The Wi-Fi facts now; never throws for a missing tool or a failure (the facts say unknown, with why).</summary>
    ValueTask<WifiFacts> GetWifiAsync(CancellationToken cancellationToken);
}
