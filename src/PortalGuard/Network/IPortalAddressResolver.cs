namespace PortalGuard.Network;

/// <summary>Looks up a portal's host name through the resolver in use.</summary>
internal interface IPortalAddressResolver
{
    /// <summary>The answers for <paramref name="host"/> and whether any is suspicious; never throws for a DNS failure (the outcome says it).</summary>
    ValueTask<PortalResolution> ResolveAsync(string host, CancellationToken cancellationToken);
}
