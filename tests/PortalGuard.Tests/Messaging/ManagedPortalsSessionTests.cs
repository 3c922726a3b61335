using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Messaging;

/// <summary><c>setManagedPortals</c>: the browser policy's extra portals change the verdicts of one session, never for the worse.</summary>
public sealed class ManagedPortalsSessionTests : IDisposable
{
    private const string ManagedHost = "patients.acme-clinic.example";

    private readonly TempDirectory _data = new();
    private readonly StoreHandle _store;
    private readonly MessageDispatcher _session;

    public ManagedPortalsSessionTests()
    {
        _store = StoreHandle.Open(_data.Path, TimeProvider.System);
        var probe = new FixedPostureProbe(FixedPostureProbe.Off);
        var checker = new PortalChecker(_store, new GuardProbes(probe, Dns: null, Tls: null, Wifi: null), TimeProvider.System);
        _session = new MessageDispatcher(new RequestHandlers(checker, _store, probe, TimeProvider.System, "test"), NullLogger<MessageDispatcher>.Instance);
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Hello_announces_setManagedPortals()
    {
        var hello = await SendAsync("""{"id":1,"type":"hello"}""");

        Assert.Contains("setManagedPortals", hello.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_managed_host_is_a_known_portal_for_the_rest_of_the_session()
    {
        var before = await AssessAsync(ManagedHost);
        Assert.Equal("unknown", before.GetProperty("identity").GetProperty("status").GetString());
        Assert.Equal("ok", before.GetProperty("verdict").GetProperty("level").GetString());

        var reply = await SendAsync($$"""{"id":2,"type":"setManagedPortals","hosts":["{{ManagedHost}}","mychart.ucsf.edu"]}""");

        Assert.Equal("setManagedPortals", reply.GetProperty("type").GetString());
        Assert.Equal([ManagedHost], reply.GetProperty("added").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["mychart.ucsf.edu"], reply.GetProperty("alreadyKnown").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(0, reply.GetProperty("refused").GetArrayLength());

        var after = await AssessAsync(ManagedHost);
        var identity = after.GetProperty("identity");
        Assert.Equal("known", identity.GetProperty("status").GetString());
        Assert.Equal("browser policy", identity.GetProperty("portal").GetProperty("source").GetString());
        Assert.Equal("warn", after.GetProperty("verdict").GetProperty("level").GetString());
        Assert.Contains("vpn-off", Codes(after));

        var check = await SendAsync($$"""{"id":3,"type":"checkPortal","host":"{{ManagedHost}}"}""");
        Assert.Equal("known", check.GetProperty("identity").GetProperty("status").GetString());

        // A catalog portal listed again keeps its own entry.
        var catalogPortal = await AssessAsync("mychart.ucsf.edu");
        Assert.Equal("epic-mychart", catalogPortal.GetProperty("identity").GetProperty("portal").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_managed_lookalike_is_refused_and_still_blocked()
    {
        var reply = await SendAsync("""{"id":1,"type":"setManagedPortals","hosts":["mychart-ucsf.edu.login-check.net"]}""");

        Assert.Equal(0, reply.GetProperty("added").GetArrayLength());
        var refused = Assert.Single(reply.GetProperty("refused").EnumerateArray());
        Assert.Equal(0, refused.GetProperty("index").GetInt32());
        var after = await AssessAsync("mychart-ucsf.edu.login-check.net");
        Assert.Equal("lookalike", after.GetProperty("identity").GetProperty("status").GetString());
        Assert.Equal("block", after.GetProperty("verdict").GetProperty("level").GetString());
        Assert.Contains("lookalike-domain", Codes(after));
    }

    [Fact]
    public async Task Names_imitating_a_managed_portal_become_lookalikes()
    {
        await SendAsync($$"""{"id":1,"type":"setManagedPortals","hosts":["{{ManagedHost}}"]}""");

        var imitation = await AssessAsync("patients.acme-clinic.example.account-check.net");

        Assert.Equal("lookalike", imitation.GetProperty("identity").GetProperty("status").GetString());
        Assert.Equal("block", imitation.GetProperty("verdict").GetProperty("level").GetString());
    }

    [Fact]
    public async Task An_empty_list_removes_the_managed_portals()
    {
        await SendAsync($$"""{"id":1,"type":"setManagedPortals","hosts":["{{ManagedHost}}"]}""");
        await SendAsync("""{"id":2,"type":"setManagedPortals","hosts":[]}""");

        Assert.Equal("unknown", (await AssessAsync(ManagedHost)).GetProperty("identity").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"id":1,"type":"setManagedPortals"}""", "hosts")]
    [InlineData("""{"id":1,"type":"setManagedPortals","hosts":"a.example"}""", "hosts")]
    [InlineData("""{"id":1,"type":"setManagedPortals","hosts":[7]}""", "hosts")]
    public async Task A_malformed_list_is_an_invalid_request_naming_hosts(string json, string field)
    {
        var reply = await SendAsync(json);

        Assert.Equal("invalid-request", reply.GetProperty("code").GetString());
        Assert.Equal(field, reply.GetProperty("field").GetString());
    }

    private Task<JsonElement> AssessAsync(string host) =>
        SendAsync($$$"""{"id":9,"type":"assessPage","url":"https://{{{host}}}","signals":{"hasPasswordField":true}}""");

    private static IEnumerable<string?> Codes(JsonElement reply) =>
        reply.GetProperty("verdict").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString());

    private async Task<JsonElement> SendAsync(string json)
    {
        var reply = await _session.DispatchAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        return JsonDocument.Parse(reply).RootElement.Clone();
    }
}
