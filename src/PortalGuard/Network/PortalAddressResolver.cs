using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;

namespace PortalGuard.Network;

/// <summary>
/// Asks the resolver the system uses (or the configured ones) for a portal's A and AAAA records, the way the operating
/// system would: the first resolver's answer stands, errors included; the next resolver is asked only when one does not
/// answer. One query per type, a short timeout, one retry: a check, never a storm.
/// </summary>
internal sealed class PortalAddressResolver : IPortalAddressResolver
{
    private const int DnsPort = 53;

    private readonly PortalAddressResolverOptions _options;
    private readonly IResolverSource _resolvers;
    private readonly TimeProvider _time;

    public PortalAddressResolver(IOptions<PortalAddressResolverOptions> options, IResolverSource resolvers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _resolvers = resolvers;
        _time = time;
    }

    public static PortalAddressResolver ForCurrentSystem(TimeProvider time) =>
        new(Options.Create(new PortalAddressResolverOptions()), ResolverDiscovery.ForCurrentSystem(), time);

    public async ValueTask<PortalResolution> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        host = host.TrimEnd('.');

        if (IPAddress.TryParse(host, out var literal))
        {
            return Resolved(host, [literal]);
        }

        var servers = _options.NameServers ?? _resolvers.Discover().Configured.Select(static a => new IPEndPoint(a, DnsPort)).ToArray();
        if (servers.Count == 0)
        {
            return Unresolved(host, ResolutionOutcome.NoResolver, "no DNS resolver is configured");
        }

        var client = new LookupClient(new LookupClientOptions(servers.Select(static s => new NameServer(s)).ToArray())
        {
            Timeout = _options.Timeout,
            Retries = _options.Retries,
            UseCache = false,
            ThrowDnsErrors = false,
            UseRandomNameServer = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
        });

        var v4 = Query(client, host, QueryType.A, cancellationToken);
        var v6 = Query(client, host, QueryType.AAAA, cancellationToken);
        var answers = await Task.WhenAll(v4, v6).ConfigureAwait(false);

        var addresses = answers.SelectMany(static a => a.Addresses).Distinct().ToArray();
        if (addresses.Length > 0)
        {
            return Resolved(host, addresses);
        }

        // Neither type gave an address: the IPv4 query's verdict speaks for the name unless it merely found no record.
        var (outcome, detail) = answers[0].Outcome is ResolutionOutcome.NoAddress ? (answers[1].Outcome, answers[1].Detail) : (answers[0].Outcome, answers[0].Detail);
        return Unresolved(host, outcome, detail);
    }

    private static async Task<TypeAnswer> Query(LookupClient client, string host, QueryType type, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(host, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            return new TypeAnswer([], ResolutionOutcome.Timeout, $"no answer to the {type} query in time");
        }
        catch (DnsResponseException ex)
        {
            return new TypeAnswer([], ResolutionOutcome.Failed, $"the {type} query failed: {ex.DnsError}");
        }
        catch (SocketException ex)
        {
            return new TypeAnswer([], ResolutionOutcome.Failed, string.Create(CultureInfo.InvariantCulture, $"the {type} query could not be sent ({ex.SocketErrorCode})"));
        }

        if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return new TypeAnswer([], ResolutionOutcome.NotFound, "the resolver says the name does not exist");
        }

        if (response.HasError)
        {
            return new TypeAnswer([], ResolutionOutcome.Failed, $"the resolver answered {response.ErrorMessage}");
        }

        // Only the records for the type asked, wherever a CNAME chain put them.
        var addresses = type == QueryType.A
            ? response.Answers.ARecords().Select(static r => r.Address)
            : response.Answers.AaaaRecords().Select(static r => r.Address);
        var list = addresses.ToArray();
        return list.Length > 0
            ? new TypeAnswer(list, ResolutionOutcome.Resolved, Detail: null)
            : new TypeAnswer([], ResolutionOutcome.NoAddress, "the name has no address record");
    }

    private PortalResolution Resolved(string host, IReadOnlyList<IPAddress> addresses)
    {
        foreach (var address in addresses)
        {
            if (SpecialAddressRanges.Classify(address) is { } range)
            {
                return new PortalResolution(host, ResolutionOutcome.Resolved, addresses, address, range, Detail: null, _time.GetUtcNow());
            }
        }

        return new PortalResolution(host, ResolutionOutcome.Resolved, addresses, SuspiciousAddress: null, SuspiciousRange: null, Detail: null, _time.GetUtcNow());
    }

    private PortalResolution Unresolved(string host, ResolutionOutcome outcome, string? detail) =>
        new(host, outcome, [], SuspiciousAddress: null, SuspiciousRange: null, detail, _time.GetUtcNow());

    private sealed record TypeAnswer(IReadOnlyList<IPAddress> Addresses, ResolutionOutcome Outcome, string? Detail);
}
