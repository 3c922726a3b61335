using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Network;

/// <summary>
/// Two network namespaces, "client" and "server", joined by a veth pair (the ISP link: the client's default routes go to
/// the server), and a WireGuard tunnel between them run by wireguard-go (this kernel has no WireGuard module); on request an
/// OpenVPN tunnel beside it, an nftables kill switch and two dnsmasq resolvers. The real <c>portalguard</c> executable runs
/// inside the client namespace. Every address is inside these namespaces; nothing leaves them.
/// Names carry a random suffix: wireguard-go's control sockets live in /var/run/wireguard, shared by all namespaces.
/// </summary>
internal sealed class WireGuardLab : IAsyncDisposable
{
    /// <summary>A public-looking address the VPN resolver gives for <see cref="PortalName"/>. Only ever an answer: no packet is sent to it.</summary>
    public const string PortalPublicAnswer = "11.250.0.10";

    /// <summary>The private address the ISP resolver gives for <see cref="PortalName"/>: a hijacking resolver or captive portal.</summary>
    public const string PortalHijackedAnswer = "192.168.66.6";

    public const string PortalName = "portal.test";

    /// <summary>The "VPN resolver": on the server's tunnel address, so reached through the tunnel.</summary>
    public const string VpnResolverAddress = ServerTunnelV4;

    /// <summary>The "ISP resolver": on the server's end of the ISP link.</summary>
    public const string IspResolverAddress = ServerLinkV4;

    private const string ServerLinkV4 = "10.200.0.1";
    private const string ServerLinkV6 = "fd20::1";
    private const string ServerTunnelV4 = "10.201.0.1";
    private const string WireGuardPort = "51820";
    private const string OpenVpnPort = "1194";
    private const string ServerOpenVpnV4 = "10.202.0.1";
    private const string ClientOpenVpnV4 = "10.202.0.2";
    private const string WgQuickTable = "51820"; // wg-quick's table and fwmark

    private static readonly string[] Tools = ["ip", "wg", "wireguard-go", "bash"];

    private readonly List<Process> _daemons = [];
    private readonly List<DnsmasqServer> _resolvers = [];
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("portalguard-lab-").FullName;

    private WireGuardLab(string suffix)
    {
        ClientNamespace = $"pg-client-{suffix}";
        ServerNamespace = $"pg-server-{suffix}";
        ClientLink = $"pgvc{suffix}";
        ServerLink = $"pgvs{suffix}";

        // Deliberately not wg* or tun*: the kind must come from sysfs, not from the name.
        ClientTunnel = $"pgtc{suffix}";
        ServerTunnel = $"pgts{suffix}";
        OpenVpnClientTunnel = $"pgoc{suffix}";
        OpenVpnServerTunnel = $"pgos{suffix}";
    }

    public static bool IsRequired =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || Environment.GetEnvironmentVariable("PORTALGUARD_REQUIRE_LAB") == "1";

    public string ClientNamespace { get; }

    public string ServerNamespace { get; }

    /// <summary>The client's end of the veth pair: its ordinary, non-VPN link.</summary>
    public string ClientLink { get; }

    public string ServerLink { get; }

    public string ClientTunnel { get; }

    public string ServerTunnel { get; }

    /// <summary>The client's OpenVPN tun device; it exists only after <see cref="StartOpenVpnAsync"/>.</summary>
    public string OpenVpnClientTunnel { get; }

    public string OpenVpnServerTunnel { get; }

    /// <summary>Why the lab cannot be built here, or null when it can.</summary>
    public static string? MissingPrerequisite()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        if (!IsRoot())
        {
            return "not running as root";
        }

        if (!File.Exists("/dev/net/tun"))
        {
            return "no /dev/net/tun";
        }

        var missing = Tools.Where(tool => LabProcess.FindOnPath(tool) is null).ToArray();
        return missing.Length == 0 ? null : "missing " + string.Join(", ", missing);
    }

    /// <summary>Builds the namespaces, the ISP link with IPv4 and IPv6 default routes, and a tunnel that is up but routes nothing yet.</summary>
    public static async Task<WireGuardLab> StartAsync(bool tunnelCarriesIPv6 = true)
    {
        if (MissingPrerequisite() is { } missing)
        {
            throw new InvalidOperationException($"the network lab cannot run here: {missing}");
        }

        var lab = new WireGuardLab(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
        try
        {
            await lab.BuildAsync(tunnelCarriesIPv6);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>What wg-quick does for AllowedIPs = 0.0.0.0/0 (and ::/0): a default route in table 51820, used for everything not marked as the tunnel's own.</summary>
    public async Task RouteEverythingThroughTunnelAsync(bool ipv6)
    {
        await WgInClientAsync("set", ClientTunnel, "fwmark", WgQuickTable);
        foreach (var family in ipv6 ? new[] { "-4", "-6" } : ["-4"])
        {
            await IpAsync("-n", ClientNamespace, family, "route", "add", "default", "dev", ClientTunnel, "table", WgQuickTable);
            await IpAsync("-n", ClientNamespace, family, "rule", "add", "not", "fwmark", WgQuickTable, "table", WgQuickTable);
            await IpAsync("-n", ClientNamespace, family, "rule", "add", "table", "main", "suppress_prefixlength", "0");
        }
    }

    /// <summary>A default route through the tunnel in the main table, ahead of the ISP's (the endpoint stays reachable on-link).</summary>
    public Task RouteDefaultThroughTunnelInMainTableAsync() =>
        IpAsync("-n", ClientNamespace, "route", "add", "default", "dev", ClientTunnel, "metric", "50");

    /// <summary>A host route for one destination over the ISP link, as a split-tunnel exclusion installs it.</summary>
    public Task RouteOutsideTunnelAsync(string destination) =>
        IpAsync("-n", ClientNamespace, "route", "add", destination, "via", destination.Contains(':', StringComparison.Ordinal) ? ServerLinkV6 : ServerLinkV4, "dev", ClientLink);

    /// <summary>
    /// Starts OpenVPN in point-to-point static-key mode over the ISP link, beside the WireGuard tunnel (which routes nothing
    /// unless asked). With <paramref name="redirectGateway"/> the client's OpenVPN installs its own def1 routes: 0.0.0.0/1 and
    /// 128.0.0.0/1 through the tun, the ISP default left in place. IPv4 only, as such a configuration usually is.
    /// </summary>
    public async Task StartOpenVpnAsync(bool redirectGateway)
    {
        var key = Path.Combine(_keyDirectory, "openvpn.key");
        await LabProcess.RunAsync(Tool("openvpn"), ["--genkey", "secret", key]);

        // --disable-dco: no ovpn-dco kernel module here, so a plain tun device (tun_flags 0x3001) as most installs still have.
        string[] common = ["--dev-type", "tun", "--disable-dco", "--proto", "udp", "--cipher", "AES-256-CBC", "--verb", "1"];
        await StartOpenVpnDaemonAsync(ServerNamespace, OpenVpnServerTunnel,
            ["--dev", OpenVpnServerTunnel, .. common, "--lport", OpenVpnPort, "--ifconfig", ServerOpenVpnV4, ClientOpenVpnV4, "--secret", key, "0"]);
        await StartOpenVpnDaemonAsync(ClientNamespace, OpenVpnClientTunnel,
            ["--dev", OpenVpnClientTunnel, .. common, "--remote", ServerLinkV4, OpenVpnPort, "--nobind", "--ifconfig", ClientOpenVpnV4, ServerOpenVpnV4,
                .. redirectGateway ? new[] { "--redirect-gateway", "def1" } : [], "--secret", key, "1"]);

        if (redirectGateway)
        {
            await WaitForAsync(
                async () => (await IpAsync("-n", ClientNamespace, "-4", "route", "show", "128.0.0.0/1")).Contains(OpenVpnClientTunnel, StringComparison.Ordinal),
                "OpenVPN's def1 routes");
        }
    }

    /// <summary>
    /// A VPN client's kill switch in the client namespace: an nftables output chain with policy drop that lets through only
    /// loopback, the WireGuard tunnel and the tunnel's own UDP to its endpoint over the ISP link. Needs nft.
    /// </summary>
    public Task EnableKillSwitchAsync()
    {
        var rules = $$"""
            table inet portalguard_lab_killswitch {
                chain output {
                    type filter hook output priority filter; policy drop;
                    oifname "lo" accept
                    oifname "{{ClientTunnel}}" accept
                    oifname "{{ClientLink}}" ip daddr {{ServerLinkV4}} udp dport {{WireGuardPort}} accept
                }
            }

            """;
        return LabProcess.RunAsync(Tool("ip"), ["netns", "exec", ClientNamespace, Tool("nft"), "-f", "-"], rules);
    }

    /// <summary>Whether a datagram to a non-tunnel port on the server's ISP address can be sent at all (a kill switch refuses it with EPERM).</summary>
    public async Task<bool> IspLinkCarriesTrafficAsync()
    {
        try
        {
            await LabProcess.RunAsync(Tool("ip"), ["netns", "exec", ClientNamespace, "bash", "-c", $"echo lab > /dev/udp/{ServerLinkV4}/9"]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public Task BringTunnelDownAsync() => IpAsync("-n", ClientNamespace, "link", "set", ClientTunnel, "down");

    public async Task RemoveDefaultRoutesAsync()
    {
        await IpAsync("-n", ClientNamespace, "-4", "route", "del", "default");
        await IpAsync("-n", ClientNamespace, "-6", "route", "del", "default");
    }

    /// <summary>
    /// Starts the two resolvers in the server namespace, each answering <see cref="PortalName"/> its own way, and points the
    /// client namespace's resolv.conf at the ISP one (what DHCP on a hotel network would hand out).
    /// </summary>
    public async Task StartResolversAsync()
    {
        VpnResolver = await StartResolverAsync(VpnResolverAddress, PortalPublicAnswer);
        IspResolver = await StartResolverAsync(IspResolverAddress, PortalHijackedAnswer);
        await UseResolverAsync(IspResolverAddress);
    }

    /// <summary>The resolver on the tunnel address; null until <see cref="StartResolversAsync"/>.</summary>
    public DnsmasqServer? VpnResolver { get; private set; }

    /// <summary>The resolver on the ISP link; null until <see cref="StartResolversAsync"/>.</summary>
    public DnsmasqServer? IspResolver { get; private set; }

    /// <summary>
    /// Writes the client namespace's resolv.conf: <c>ip netns exec</c> shows <c>/etc/netns/&lt;ns&gt;/resolv.conf</c> as
    /// <c>/etc/resolv.conf</c> to what it runs.
    /// </summary>
    public async Task UseResolverAsync(string address)
    {
        Directory.CreateDirectory(ClientEtcDirectory);
        await File.WriteAllTextAsync(Path.Combine(ClientEtcDirectory, "resolv.conf"), $"# PortalGuard network lab\nnameserver {address}\n");
    }

    /// <summary>
    /// Runs <c>portalguard status --json</c> inside the client namespace (so .NET and /sys see that namespace's interfaces
    /// and resolv.conf), with a data folder of its own, and reads its <c>network</c> object: the posture for the reference
    /// addresses, which follow the client's default routes.
    /// </summary>
    public async Task<LabPosture> ProbeAsync()
    {
        var data = Directory.CreateTempSubdirectory("pg-lab-data-").FullName;
        try
        {
            // status exits 1 when the database is unusable; RunPortalGuardAsync turns that into a failure with its stderr.
            using var status = JsonDocument.Parse(await RunPortalGuardAsync(data, "status", "--json"));
            return LabPosture.From(status.RootElement.GetProperty("network"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// Adds <see cref="PortalName"/> as the user's own portal and runs <c>portalguard check portal.test --json</c> inside the
    /// client namespace: real DNS through the namespace's resolv.conf, real routes, the whole verdict.
    /// </summary>
    public async Task<JsonElement> CheckPortalAsync(params string[] extra)
    {
        if (!File.Exists(Path.Combine(ClientEtcDirectory, "resolv.conf")))
        {
            // Without it the namespace would show the host's resolv.conf, and the name would go to the host's resolver.
            throw new InvalidOperationException("the client namespace has no resolv.conf of its own: call UseResolverAsync first");
        }

        var data = Directory.CreateTempSubdirectory("pg-lab-data-").FullName;
        try
        {
            await RunPortalGuardAsync(data, "portals", "add", PortalName, "--name", "Lab Portal");
            using var check = JsonDocument.Parse(await RunPortalGuardAsync(data, ["check", PortalName, "--json", .. extra]));
            return check.RootElement.Clone();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Runs the real executable (on the runtime running these tests) inside the client namespace; throws with its stderr when it exits non-zero.</summary>
    public Task<string> RunPortalGuardAsync(string dataDirectory, params string[] arguments)
    {
        string[] command = ["netns", "exec", ClientNamespace, DotnetHost(), "exec", Path.Combine(AppContext.BaseDirectory, "portalguard.dll"), .. arguments];
        return LabProcess.RunAsync(Tool("ip"), command, environment: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PORTALGUARD_DATA_DIR"] = dataDirectory,
            ["PORTALGUARD_OFFLINE"] = null,
        });
    }

    /// <summary>Sends one datagram to the server's tunnel address and waits for the WireGuard handshake it causes: the tunnel is real.</summary>
    public async Task<bool> TunnelCarriesTrafficAsync()
    {
        await LabProcess.RunAsync(Tool("ip"), ["netns", "exec", ClientNamespace, "bash", "-c", $"echo lab > /dev/udp/{ServerTunnelV4}/9"]);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var handshakes = await WgInClientAsync("show", ClientTunnel, "latest-handshakes");
            if (handshakes.Split('\t', StringSplitOptions.TrimEntries).LastOrDefault() is { } seconds && seconds != "0" && seconds.Length > 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resolver in _resolvers)
        {
            await resolver.DisposeAsync();
        }

        foreach (var daemon in _daemons)
        {
            LabProcess.Stop(daemon);
            daemon.Dispose();
        }

        if (Directory.Exists(ClientEtcDirectory))
        {
            Directory.Delete(ClientEtcDirectory, recursive: true);
        }

        foreach (var ns in new[] { ClientNamespace, ServerNamespace })
        {
            try
            {
                await IpAsync("netns", "delete", ns);
            }
            catch (Exception)
            {
                // Never created (setup failed early); the other clean-up steps still run.
            }
        }

        foreach (var tunnel in new[] { ClientTunnel, ServerTunnel })
        {
            var socket = $"/var/run/wireguard/{tunnel}.sock";
            if (File.Exists(socket))
            {
                File.Delete(socket);
            }
        }

        Directory.Delete(_keyDirectory, recursive: true);
    }

    private async Task BuildAsync(bool tunnelCarriesIPv6)
    {
        await IpAsync("netns", "add", ClientNamespace);
        await IpAsync("netns", "add", ServerNamespace);
        await IpAsync("-n", ClientNamespace, "link", "set", "lo", "up");
        await IpAsync("-n", ServerNamespace, "link", "set", "lo", "up");

        // The ISP link.
        await IpAsync("-n", ClientNamespace, "link", "add", ClientLink, "type", "veth", "peer", "name", ServerLink, "netns", ServerNamespace);
        await IpAsync("-n", ClientNamespace, "addr", "add", "10.200.0.2/24", "dev", ClientLink);
        await IpAsync("-n", ClientNamespace, "-6", "addr", "add", "fd20::2/64", "dev", ClientLink, "nodad");
        await IpAsync("-n", ServerNamespace, "addr", "add", $"{ServerLinkV4}/24", "dev", ServerLink);
        await IpAsync("-n", ServerNamespace, "-6", "addr", "add", $"{ServerLinkV6}/64", "dev", ServerLink, "nodad");
        await IpAsync("-n", ClientNamespace, "link", "set", ClientLink, "up");
        await IpAsync("-n", ServerNamespace, "link", "set", ServerLink, "up");
        await IpAsync("-n", ClientNamespace, "-4", "route", "add", "default", "via", ServerLinkV4, "metric", "100");
        await IpAsync("-n", ClientNamespace, "-6", "route", "add", "default", "via", ServerLinkV6, "metric", "100");

        // The tunnel.
        var (clientKey, clientPublic) = await NewKeyAsync("client");
        var (serverKey, serverPublic) = await NewKeyAsync("server");
        await StartWireGuardAsync(ServerNamespace, ServerTunnel);
        await StartWireGuardAsync(ClientNamespace, ClientTunnel);

        await LabProcess.RunAsync(Tool("ip"), ["netns", "exec", ServerNamespace, Tool("wg"), "set", ServerTunnel, "listen-port", WireGuardPort,
            "private-key", serverKey, "peer", clientPublic, "allowed-ips", "10.201.0.2/32,fd21::2/128"]);
        await IpAsync("-n", ServerNamespace, "addr", "add", $"{ServerTunnelV4}/24", "dev", ServerTunnel);
        await IpAsync("-n", ServerNamespace, "-6", "addr", "add", "fd21::1/64", "dev", ServerTunnel, "nodad");
        await IpAsync("-n", ServerNamespace, "link", "set", ServerTunnel, "up");

        await WgInClientAsync("set", ClientTunnel, "private-key", clientKey, "peer", serverPublic,
            "endpoint", $"{ServerLinkV4}:{WireGuardPort}", "allowed-ips", tunnelCarriesIPv6 ? "0.0.0.0/0,::/0" : "0.0.0.0/0");
        await IpAsync("-n", ClientNamespace, "addr", "add", "10.201.0.2/24", "dev", ClientTunnel);
        if (tunnelCarriesIPv6)
        {
            await IpAsync("-n", ClientNamespace, "-6", "addr", "add", "fd21::2/64", "dev", ClientTunnel, "nodad");
        }

        await IpAsync("-n", ClientNamespace, "link", "set", ClientTunnel, "up");
    }

    private string ClientEtcDirectory => Path.Combine("/etc/netns", ClientNamespace);

    private async Task<DnsmasqServer> StartResolverAsync(string address, string portalAnswer)
    {
        var resolver = await DnsmasqServer.StartAsync(
            System.Net.IPAddress.Parse(address),
            port: 53,
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [PortalName] = [portalAnswer] },
            ServerNamespace);
        _resolvers.Add(resolver);
        return resolver;
    }

    private async Task StartOpenVpnDaemonAsync(string ns, string tunnel, string[] arguments)
    {
        // In the foreground (no --daemon): ip netns exec execs openvpn in place, so the PID recorded here is openvpn's own.
        var daemon = LabProcess.StartDaemon(Tool("ip"), ["netns", "exec", ns, Tool("openvpn"), .. arguments], new Dictionary<string, string>(StringComparer.Ordinal));
        _daemons.Add(daemon);
        await WaitForAsync(
            async () => (await IpAsync("-n", ns, "-4", "addr", "show", "dev", tunnel)).Contains("inet ", StringComparison.Ordinal),
            $"OpenVPN's {tunnel} with its address",
            daemon);
    }

    /// <summary>Polls <paramref name="ready"/> for up to 5 s; a command that fails (the device does not exist yet) counts as not ready.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> ready, string what, Process? daemon = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (daemon is { HasExited: true })
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the daemon for {what} exited with {daemon.ExitCode}"));
            }

            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // `ip addr show dev X` exits non-zero until X exists.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{what} did not appear within 5 s");
    }

    private async Task StartWireGuardAsync(string ns, string tunnel)
    {
        // -f keeps wireguard-go in the foreground, so the PID recorded here is the one to end.
        var daemon = LabProcess.StartDaemon(Tool("ip"), ["netns", "exec", ns, Tool("wireguard-go"), "-f", tunnel], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LOG_LEVEL"] = "error",
        });
        _daemons.Add(daemon);

        var socket = $"/var/run/wireguard/{tunnel}.sock";
        for (var attempt = 0; attempt < 100 && !File.Exists(socket); attempt++)
        {
            if (daemon.HasExited)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"wireguard-go for {tunnel} exited with {daemon.ExitCode}"));
            }

            await Task.Delay(50);
        }

        if (!File.Exists(socket))
        {
            throw new TimeoutException($"wireguard-go did not create {socket} within 5 s");
        }
    }

    private async Task<(string PrivateKeyFile, string PublicKey)> NewKeyAsync(string name)
    {
        var privateKey = (await LabProcess.RunAsync(Tool("wg"), ["genkey"])).Trim();
        var publicKey = (await LabProcess.RunAsync(Tool("wg"), ["pubkey"], privateKey + "\n")).Trim();
        var file = Path.Combine(_keyDirectory, name + ".key");
        await File.WriteAllTextAsync(file, privateKey + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (file, publicKey);
    }

    private Task<string> WgInClientAsync(params string[] arguments) =>
        LabProcess.RunAsync(Tool("ip"), ["netns", "exec", ClientNamespace, Tool("wg"), .. arguments]);

    private static Task<string> IpAsync(params string[] arguments) => LabProcess.RunAsync(Tool("ip"), arguments);

    internal static string Tool(string name) => LabProcess.Tool(name);

    /// <summary>The dotnet host running these tests, so the probe runs on the same runtime.</summary>
    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    public static bool IsRoot()
    {
        // "Uid:\treal\teffective\tsaved\tfs"; no P/Invoke needed.
        var uid = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        return uid?.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, _, "0", ..];
    }
}
