using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Messaging;

/// <summary><c>reportEvent</c> for events about the device (password saving, the idle timeout): recorded without an origin.</summary>
public sealed class DeviceEventTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly StoreHandle _store;

    public DeviceEventTests() => _store = StoreHandle.Open(_data.Path, TimeProvider.System);

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("passwordSavingDisabled")]
    [InlineData("passwordSavingRestored")]
    [InlineData("idleTimeout")]
    public async Task A_device_event_needs_no_origin_and_is_recorded_without_one(string code)
    {
        var reply = await DispatchAsync($$"""{"id":1,"type":"reportEvent","event":"{{code}}","count":2}""");

        Assert.True(reply.GetProperty("recorded").GetBoolean());
        var recorded = Assert.Single(_store.Require().Audit.Read(since: null));
        Assert.Null(recorded.Origin);
        Assert.Equal(code, JsonNamingPolicy.CamelCase.ConvertName(recorded.Code.ToString()));
    }

    [Fact]
    public async Task An_origin_sent_with_a_device_event_is_not_kept()
    {
        // Older extensions filed password saving under the portal in use, which says something that did not happen.
        await DispatchAsync("""{"id":1,"type":"reportEvent","event":"passwordSavingDisabled","origin":"https://mychart.ucsf.edu"}""");

        Assert.Null(Assert.Single(_store.Require().Audit.Read(since: null)).Origin);
    }

    [Theory]
    [InlineData("warningShown")]
    [InlineData("proceeded")]
    [InlineData("submissionBlocked")]
    [InlineData("rememberMeBlocked")]
    [InlineData("sessionCleared")]
    public async Task A_site_event_without_an_origin_is_refused_naming_the_field(string code)
    {
        var reply = await DispatchAsync($$"""{"id":1,"type":"reportEvent","event":"{{code}}"}""");

        Assert.Equal("invalid-request", reply.GetProperty("code").GetString());
        Assert.Equal("origin", reply.GetProperty("field").GetString());
        Assert.Contains(code, reply.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_store.Require().Audit.Read(since: null));
    }

    [Fact]
    public void The_audit_log_keeps_no_origin_for_a_device_event_even_when_given_one()
    {
        _store.Require().Audit.Record(new AuditEvent(default, "https://mychart.ucsf.edu/MyChart", AuditEventCode.IdleTimeout, null, 3));

        var recorded = Assert.Single(_store.Require().Audit.Read(since: null));
        Assert.Null(recorded.Origin);
        Assert.Equal(3, recorded.Count);
    }

    [Fact]
    public void The_audit_log_refuses_a_site_event_without_an_origin()
    {
        Assert.Throws<ArgumentException>(() => _store.Require().Audit.Record(new AuditEvent(default, null, AuditEventCode.SessionCleared, null, null)));
    }

    private async Task<JsonElement> DispatchAsync(string json)
    {
        var probe = new FixedPostureProbe(FixedPostureProbe.Off);
        var checker = new PortalChecker(_store, new GuardProbes(probe, Dns: null, Tls: null, Wifi: null), TimeProvider.System);
        var dispatcher = new MessageDispatcher(new RequestHandlers(checker, _store, probe, TimeProvider.System, "test"), NullLogger<MessageDispatcher>.Instance);
        var reply = await dispatcher.DispatchAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);
        return JsonDocument.Parse(reply).RootElement.Clone();
    }
}
