using System.Globalization;

namespace PortalGuard.Network;

/// <summary>
/// Linux: sysfs says what a link really is, whatever it is called. .NET reports WireGuard and tun links alike as
/// <see cref="System.Net.NetworkInformation.NetworkInterfaceType.Unknown"/>, so the facts come from
/// <c>/sys/class/net/&lt;name&gt;/</c>: <c>type</c> (the ARPHRD number), <c>tun_flags</c> (present only on tun/tap devices)
/// and <c>uevent</c> (DEVTYPE=wireguard for the kernel module). The name adds the provider and tells mesh overlays apart.
/// </summary>
internal sealed class LinuxInterfaceClassifier : IInterfaceClassifier
{
    public const string DefaultSysfsRoot = "/sys/class/net";

    // ARPHRD_* from linux/if_arp.h.
    private const int ArphrdPpp = 512;
    private const int ArphrdTunnel = 768; // ipip, vti
    private const int ArphrdTunnel6 = 769; // ip6tnl
    private const int ArphrdSit = 776; // 6in4
    private const int ArphrdIpGre = 778;
    private const int ArphrdIp6Gre = 823;
    private const int ArphrdNone = 65534; // tun devices, WireGuard, xfrm

    // Flags from linux/if_tun.h.
    private const int IffTun = 0x0001;
    private const int IffTap = 0x0002;
    private const int IffOneQueue = 0x2000; // obsolete, ignored by the kernel, but OpenVPN still sets it: 0x3001 / 0x3002

    private readonly string _root;

    public LinuxInterfaceClassifier(string sysfsRoot = DefaultSysfsRoot)
    {
        _root = sysfsRoot;
    }

    public NetworkInterfaceFacts Classify(NetworkInterfaceSnapshot nic)
    {
        ArgumentNullException.ThrowIfNull(nic);

        var fromName = InterfaceNameRules.KindForName(nic.Name);
        var fromSysfs = KindFromSysfs(nic.Name);
        var kind = fromSysfs switch
        {
            // sysfs saw an ordinary link (Ethernet, Wi-Fi, loopback, bridge, a VM's tap on a bridge): no name makes it a tunnel.
            SysfsVerdict.Ordinary => TunnelKind.None,
            SysfsVerdict.Unreadable => TunnelKindPrecedence.Pick(fromName, TunnelKindPrecedence.KindForAdapterType(nic.Type)) ?? TunnelKind.None,
            _ => TunnelKindPrecedence.Pick(ToKind(fromSysfs), fromName) ?? TunnelKind.OtherTunnel,
        };
        return new NetworkInterfaceFacts(nic.Name, kind, kind is TunnelKind.None ? null : InterfaceNameRules.ProviderFor(nic.Name));
    }

    private SysfsVerdict KindFromSysfs(string name)
    {
        // An interface name cannot contain '/', but a name from elsewhere must never walk out of the root.
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            return SysfsVerdict.Unreadable;
        }

        var dir = Path.Combine(_root, name);
        var type = ReadInt(Path.Combine(dir, "type"), NumberStyles.Integer);
        if (type is null)
        {
            return SysfsVerdict.Unreadable;
        }

        if (ReadDevType(Path.Combine(dir, "uevent")) == "wireguard")
        {
            return SysfsVerdict.Wireguard;
        }

        var tunFlags = ReadInt(Path.Combine(dir, "tun_flags"), NumberStyles.HexNumber);
        if (tunFlags is { } flags)
        {
            // A tap enslaved to a bridge carries a virtual machine's traffic, not this machine's.
            if ((flags & IffTap) != 0 && Directory.Exists(Path.Combine(dir, "master")))
            {
                return SysfsVerdict.Ordinary;
            }

            if ((flags & IffOneQueue) != 0)
            {
                return SysfsVerdict.Openvpn;
            }

            // A bare tun keeping packet information is wireguard-go's (Debian's build; newer builds add flags and are then
            // told by their wg* name). Other tun users (OpenVPN, openconnect, Tailscale) set IFF_NO_PI.
            return flags == IffTun ? SysfsVerdict.Wireguard : SysfsVerdict.OtherTunnel;
        }

        return type switch
        {
            ArphrdPpp => SysfsVerdict.Ppp,
            ArphrdNone or ArphrdTunnel or ArphrdTunnel6 or ArphrdSit or ArphrdIpGre or ArphrdIp6Gre => SysfsVerdict.OtherTunnel,
            _ => SysfsVerdict.Ordinary,
        };
    }

    private static TunnelKind? ToKind(SysfsVerdict verdict) => verdict switch
    {
        SysfsVerdict.Wireguard => TunnelKind.Wireguard,
        SysfsVerdict.Openvpn => TunnelKind.Openvpn,
        SysfsVerdict.Ppp => TunnelKind.Ppp,
        SysfsVerdict.OtherTunnel => TunnelKind.OtherTunnel,
        _ => null,
    };

    private static int? ReadInt(string path, NumberStyles style)
    {
        var text = ReadSmallFile(path);
        if (text is null)
        {
            return null;
        }

        text = text.Trim();
        if (style == NumberStyles.HexNumber && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        return int.TryParse(text, style, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string? ReadDevType(string ueventPath)
    {
        var text = ReadSmallFile(ueventPath);
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("DEVTYPE=", StringComparison.Ordinal))
            {
                return line["DEVTYPE=".Length..].Trim();
            }
        }

        return null;
    }

    private static string? ReadSmallFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Missing (tun_flags on an ordinary link), or the interface vanished between listing and reading.
            return null;
        }
    }

    private enum SysfsVerdict
    {
        Unreadable,
        Ordinary,
        Wireguard,
        Openvpn,
        Ppp,
        OtherTunnel,
    }
}
