using System.Net;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class ResolverDiscoveryTests
{
    private const string StubResolvConf = """
        # This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
        nameserver 127.0.0.53
        options edns0 trust-ad
        search lan
        """;

    private const string ResolvedUpstream = """
        # This is /run/systemd/resolve/resolv.conf managed by man:systemd-resolved(8).
        # Third party programs should typically not access this file directly, but only through the symlink at
        # /etc/resolv.conf.
        nameserver 192.168.1.1
        nameserver 10.64.0.1
        nameserver fe80::1%wlp2s0
        search lan
        """;

    [Theory]
    [InlineData("nameserver 10.0.0.1\nnameserver 10.0.0.2", "10.0.0.1,10.0.0.2")]
    [InlineData("# comment\n; other comment\nsearch example.org\noptions ndots:2\nnameserver 192.168.1.1", "192.168.1.1")]
    [InlineData("  nameserver\t10.0.0.1  \n", "10.0.0.1")]
    [InlineData("nameserver 10.0.0.1 # trailing note", "10.0.0.1")]
    [InlineData("nameserver 10.0.0.1\nnameserver 10.0.0.1", "10.0.0.1")]
    [InlineData("nameserver 2001:4860:4860::8888", "2001:4860:4860::8888")]
    [InlineData("nameserver not-an-address\nnameservers 10.0.0.9\nnameserver", "")]
    [InlineData("", "")]
    public void Nameserver_lines_are_read_in_order(string text, string expected)
    {
        var servers = ResolverDiscovery.ParseNameServers(text.Split('\n'));

        Assert.Equal(expected, string.Join(',', servers));
    }

    [Fact]
    public void Scoped_link_local_server_keeps_its_address()
    {
        var servers = ResolverDiscovery.ParseNameServers(["nameserver fe80::1%nosuchinterface0"]);

        var server = Assert.Single(servers);
        Assert.True(server.IsIPv6LinkLocal);
    }

    [Fact]
    public void Plain_resolv_conf_is_both_configured_and_outbound()
    {
        using var root = FileRoot(resolvConf: "nameserver 10.200.0.1\n", upstream: ResolvedUpstream);

        var found = ResolverDiscovery.ForLinuxRoot(root.Path).Discover();

        Assert.Equal([IPAddress.Parse("10.200.0.1")], found.Configured);
        Assert.Equal(found.Configured, found.Outbound);
        Assert.False(found.ViaSystemdResolved);
    }

    [Fact]
    public void Systemd_resolved_stub_is_replaced_by_its_upstream_servers()
    {
        using var root = FileRoot(StubResolvConf, ResolvedUpstream);

        var found = ResolverDiscovery.ForLinuxRoot(root.Path).Discover();

        Assert.Equal([IPAddress.Parse("127.0.0.53")], found.Configured);
        Assert.Equal("192.168.1.1,10.64.0.1,fe80::1", string.Join(',', found.Outbound.Select(a => a.ToString().Split('%')[0])));
        Assert.True(found.ViaSystemdResolved);
    }

    [Fact]
    public void Systemd_resolved_stub_without_readable_upstream_stays_the_stub()
    {
        using var root = FileRoot(StubResolvConf, upstream: null);

        var found = ResolverDiscovery.ForLinuxRoot(root.Path).Discover();

        Assert.Equal([IPAddress.Parse("127.0.0.53")], found.Outbound);
        Assert.False(found.ViaSystemdResolved);
    }

    [Fact]
    public void Stub_listed_beside_another_server_is_not_replaced()
    {
        using var root = FileRoot("nameserver 127.0.0.53\nnameserver 9.9.9.9\n", ResolvedUpstream);

        var found = ResolverDiscovery.ForLinuxRoot(root.Path).Discover();

        Assert.Equal("127.0.0.53,9.9.9.9", string.Join(',', found.Outbound));
        Assert.False(found.ViaSystemdResolved);
    }

    [Fact]
    public void Missing_resolv_conf_gives_no_resolvers()
    {
        using var root = new TempDirectory();

        var found = ResolverDiscovery.ForLinuxRoot(root.Path).Discover();

        Assert.Empty(found.Configured);
        Assert.Empty(found.Outbound);
    }

    [Theory]
    [InlineData("127.0.0.53", true)]
    [InlineData("127.0.0.54", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.1.53", false)]
    [InlineData("::1", false)]
    public void Systemd_resolved_stub_addresses_are_recognised(string address, bool stub)
    {
        Assert.Equal(stub, ResolverDiscovery.IsSystemdResolvedStub(IPAddress.Parse(address)));
    }

    private static TempDirectory FileRoot(string resolvConf, string? upstream)
    {
        var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        File.WriteAllText(Path.Combine(root.Path, "etc", "resolv.conf"), resolvConf);
        if (upstream is not null)
        {
            Directory.CreateDirectory(Path.Combine(root.Path, "run", "systemd", "resolve"));
            File.WriteAllText(Path.Combine(root.Path, "run", "systemd", "resolve", "resolv.conf"), upstream);
        }

        return root;
    }
}
