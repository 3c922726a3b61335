using System.Net;
using PortalGuard.Network;

namespace PortalGuard.Tests.Network;

public sealed class SpecialAddressRangesTests
{
    [Theory]
    [InlineData("0.0.0.0", SpecialAddressRange.Unspecified)]
    [InlineData("0.1.2.3", SpecialAddressRange.ThisNetwork)]
    [InlineData("10.0.0.1", SpecialAddressRange.Private)]
    [InlineData("10.255.255.255", SpecialAddressRange.Private)]
    [InlineData("172.16.0.1", SpecialAddressRange.Private)]
    [InlineData("172.31.255.254", SpecialAddressRange.Private)]
    [InlineData("192.168.1.1", SpecialAddressRange.Private)]
    [InlineData("100.64.0.1", SpecialAddressRange.SharedCgnat)]
    [InlineData("100.127.255.254", SpecialAddressRange.SharedCgnat)]
    [InlineData("127.0.0.1", SpecialAddressRange.Loopback)]
    [InlineData("127.12.0.1", SpecialAddressRange.Loopback)]
    [InlineData("169.254.169.254", SpecialAddressRange.LinkLocal)]
    [InlineData("192.0.0.8", SpecialAddressRange.Reserved)]
    [InlineData("192.0.2.10", SpecialAddressRange.Documentation)]
    [InlineData("198.51.100.7", SpecialAddressRange.Documentation)]
    [InlineData("203.0.113.200", SpecialAddressRange.Documentation)]
    [InlineData("198.18.0.1", SpecialAddressRange.Benchmarking)]
    [InlineData("198.19.255.1", SpecialAddressRange.Benchmarking)]
    [InlineData("224.0.0.251", SpecialAddressRange.Multicast)]
    [InlineData("239.255.255.250", SpecialAddressRange.Multicast)]
    [InlineData("240.0.0.1", SpecialAddressRange.Reserved)]
    [InlineData("255.255.255.255", SpecialAddressRange.Broadcast)]
    [InlineData("::", SpecialAddressRange.Unspecified)]
    [InlineData("::1", SpecialAddressRange.Loopback)]
    [InlineData("::ffff:192.168.0.1", SpecialAddressRange.Private)] // IPv4-mapped: judged as IPv4
    [InlineData("::ffff:127.0.0.1", SpecialAddressRange.Loopback)]
    [InlineData("::10.0.0.1", SpecialAddressRange.Reserved)] // IPv4-compatible, deprecated
    [InlineData("64:ff9b::a00:1", SpecialAddressRange.Private)] // NAT64 of 10.0.0.1
    [InlineData("100::1", SpecialAddressRange.Discard)]
    [InlineData("2001:2::1", SpecialAddressRange.Benchmarking)]
    [InlineData("2001:db8::1", SpecialAddressRange.Documentation)]
    [InlineData("3fff:fff::1", SpecialAddressRange.Documentation)]
    [InlineData("fc00::1", SpecialAddressRange.UniqueLocal)]
    [InlineData("fd12:3456::1", SpecialAddressRange.UniqueLocal)]
    [InlineData("fe80::1", SpecialAddressRange.LinkLocal)]
    [InlineData("febf::1", SpecialAddressRange.LinkLocal)]
    [InlineData("fec0::1", SpecialAddressRange.SiteLocal)]
    [InlineData("ff02::1", SpecialAddressRange.Multicast)]
    public void Address_no_public_portal_can_have_is_named_by_its_range(string address, SpecialAddressRange range)
    {
        Assert.Equal(range, SpecialAddressRanges.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("100.63.255.255")] // just below the shared address space
    [InlineData("100.128.0.1")] // just above it
    [InlineData("128.218.0.1")]
    [InlineData("172.15.255.255")] // just below 172.16/12
    [InlineData("172.32.0.1")] // just above it
    [InlineData("192.167.255.255")]
    [InlineData("198.41.0.4")]
    [InlineData("223.255.255.254")]
    [InlineData("::ffff:8.8.4.4")]
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("3fff:1000::1")] // just above 3fff::/20
    [InlineData("fbff::1")]
    public void Public_address_is_not_special(string address)
    {
        Assert.Null(SpecialAddressRanges.Classify(IPAddress.Parse(address)));
    }
}
