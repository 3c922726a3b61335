using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PortalGuard.Assessment;
using PortalGuard.Messaging;
using PortalGuard.Storage;

namespace PortalGuard.Tests.Messaging;

public sealed class MessageDispatcherTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly StoreHandle _store;
    private readonly FixedPostureProbe _probe = new(FixedPostureProbe.Off);

    public MessageDispatcherTests() => _store = StoreHandle.Open(_data.Path, TimeProvider.System);

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("", "bad-message")]
    [InlineData("[1,2]", "bad-message")]
    [InlineData("42", "bad-message")]
    [InlineData("\"hello\"", "bad-message")]
    [InlineData("null", "bad-message")]
    [InlineData("{\"id\":1,\"type\":\"hello\"", "bad-json")]
    [InlineData("{id:1}", "bad-json")]
    [InlineData("{\"id\":1,\"type\":\"hello\"} trailing", "bad-json")]
    [InlineData("{\"id\":1,\"type\":\"launchRockets\"}", "unknown-type")]
    [InlineData("{\"type\":\"hello\"}", "invalid-request")]
    [InlineData("{\"id\":{},\"type\":\"hello\"}", "invalid-request")]
    [InlineData("{\"id\":1}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":7}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":42}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"javascript:alert(1)\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"hasPasswordField\":\"yes\"}}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"brandWords\":[1]}}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"checkPortal\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"setSettings\",\"settings\":{\"idleTimeoutMinutes\":-1}}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"setSettings\",\"settings\":{\"idleTimeoutMinutes\":1e10}}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"setSettings\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"reportEvent\",\"event\":\"teleported\",\"origin\":\"https://a.example\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"reportEvent\",\"event\":\"proceeded\"}", "invalid-request")]
    [InlineData("{\"id\":\"\\ud800\",\"type\":\"hello\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"\\ud800\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"\\udc00\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"checkPortal\",\"host\":\"a\\ud800.example\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"brandWords\":[\"\\ud800\"]}}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"reportEvent\",\"event\":\"proceeded\",\"origin\":\"\\ud800\"}", "invalid-request")]
    [InlineData("{\"i\\udc00d\":1,\"type\":\"hello\"}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"hello\",\"x\\ud800\":1}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"hello\",\"x\":[{\"\\udc00\":1}]}", "invalid-request")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"\\ud800\":true}}", "invalid-request")]
    public async Task Bad_request_gets_the_error_code_of_the_table(string json, string code)
    {
        var reply = await DispatchAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal("error", reply.GetProperty("type").GetString());
        Assert.Equal(code, reply.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Invalid_utf8_is_bad_json()
    {
        var reply = await DispatchAsync([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);

        Assert.Equal("bad-json", reply.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_not_recursed()
    {
        var json = "{\"id\":1,\"type\":\"hello\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var reply = await DispatchAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal("bad-json", reply.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"hello\"}", "id")]
    [InlineData("{\"id\":1}", "type")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\"}", "url")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"topFrame\":1}}", "signals.topFrame")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"topFrame\":false,\"topOrigin\":7}}", "signals.topOrigin")]
    [InlineData("{\"id\":1,\"type\":\"assessPage\",\"url\":\"https://a.example\",\"signals\":{\"topFrame\":false,\"topOrigin\":\"javascript:alert(1)\"}}", "signals.topOrigin")]
    [InlineData("{\"id\":1,\"type\":\"setSettings\",\"settings\":{\"sharedDevice\":\"on\"}}", "settings.sharedDevice")]
    [InlineData("{\"id\":1,\"type\":\"reportEvent\",\"event\":\"proceeded\",\"origin\":\"https://a.example\",\"count\":-5}", "count")]
    public async Task Invalid_request_names_the_field(string json, string field)
    {
        var reply = await DispatchAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(field, reply.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_type_is_named_and_the_id_echoed()
    {
        var reply = await DispatchAsync("{\"id\":\"abc\",\"type\":\"launchRockets\"}"u8.ToArray());

        Assert.Equal("abc", reply.GetProperty("id").GetString());
        Assert.Equal("launchRockets", reply.GetProperty("messageType").GetString());
    }

    [Fact]
    public async Task Reply_echoes_the_id_and_type()
    {
        var reply = await DispatchAsync("{\"id\":17,\"type\":\"hello\"}"u8.ToArray());

        Assert.Equal(17, reply.GetProperty("id").GetInt32());
        Assert.Equal("hello", reply.GetProperty("type").GetString());
        Assert.Equal(1, reply.GetProperty("protocolVersion").GetInt32());
        Assert.Equal("ok", reply.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Reply_that_would_exceed_the_limit_becomes_reply_too_large()
    {
        var reply = await DispatchAsync("{\"id\":1,\"type\":\"hello\"}"u8.ToArray(), maxReplyBytes: 64);

        Assert.Equal("reply-too-large", reply.GetProperty("code").GetString());
        Assert.Equal(1, reply.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task AssessPage_on_a_catalog_portal_without_vpn_warns_vpn_off()
    {
        var reply = await DispatchAsync("""{"id":1,"type":"assessPage","url":"https://mychart.ucsf.edu","signals":{"topFrame":true,"hasPasswordField":true}}"""u8.ToArray());

        Assert.Equal("https://mychart.ucsf.edu", reply.GetProperty("origin").GetString());
        Assert.Equal("known", reply.GetProperty("identity").GetProperty("status").GetString());
        Assert.Equal("off", reply.GetProperty("network").GetProperty("vpn").GetString());
        var verdict = reply.GetProperty("verdict");
        Assert.Equal("warn", verdict.GetProperty("level").GetString());
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == ReasonCodes.VpnOff);
    }

    [Theory]
    [InlineData("MyChart", "warn", "unknown-portal-brand")]
    [InlineData("banana", "ok", "")]
    public async Task Only_catalog_brand_words_on_an_unknown_site_raise_unknown_portal_brand(string word, string level, string codes)
    {
        var reply = await DispatchAsync(System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"id":1,"type":"assessPage","url":"https://health-login.example","signals":{"hasPasswordField":true,"brandWords":["{{{word}}}"]}}"""));

        var verdict = reply.GetProperty("verdict");
        Assert.Equal(level, verdict.GetProperty("level").GetString());
        Assert.Equal(codes, string.Join(' ', verdict.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString())));
    }

    [Theory]
    [InlineData("https://evil.example", true)]
    [InlineData("https://login.ucsf.edu:8443", false)]
    [InlineData("https://10.0.0.5", true)]
    public async Task A_login_form_posting_to_another_site_is_credentials_cross_site(string formAction, bool crossSite)
    {
        var reply = await DispatchAsync(System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"id":1,"type":"assessPage","url":"https://mychart.ucsf.edu","signals":{"hasPasswordField":true,"formActionOrigin":"{{{formAction}}}"}}"""));

        var codes = reply.GetProperty("verdict").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString());
        Assert.Equal(crossSite, codes.Contains("credentials-cross-site"));
    }

    /// <summary>A frame is judged with the top page around it: a lookalike top page blocks any frame (even the real
    /// portal's), and the top page matters only for a frame.</summary>
    [Theory]
    [InlineData("https://signin.partner.example", false, "https://mychart-ucsf.edu.login-check.net", "block", "framed-by-lookalike")]
    [InlineData("https://mychart.ucsf.edu", false, "https://mychart-ucsf.edu.login-check.net/MyChart?mrn=1", "block", "framed-by-lookalike vpn-off")]
    [InlineData("https://signin.partner.example", false, "https://news.example", "ok", "")]
    [InlineData("https://mychart-ucsf.edu.login-check.net", false, "https://news.example", "block", "lookalike-domain")]
    [InlineData("http://signin.partner.example", false, "https://news.example", "block", "not-https")]
    [InlineData("https://signin.partner.example", true, "https://mychart-ucsf.edu.login-check.net", "ok", "")]
    public async Task A_frame_is_judged_with_its_top_page(string url, bool topFrame, string topOrigin, string level, string codes)
    {
        var reply = await DispatchAsync(System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"id":1,"type":"assessPage","url":"{{{url}}}","signals":{"topFrame":{{{(topFrame ? "true" : "false")}}},"hasPasswordField":true,"topOrigin":"{{{topOrigin}}}"}}"""));

        var verdict = reply.GetProperty("verdict");
        Assert.Equal(level, verdict.GetProperty("level").GetString());
        Assert.Equal(codes, string.Join(' ', verdict.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString())));
        Assert.DoesNotContain("mrn", reply.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessPage_keeps_only_the_origin_of_a_full_url()
    {
        var reply = await DispatchAsync("""{"id":1,"type":"assessPage","url":"https://mychart.ucsf.edu/MyChart/patient/12345?mrn=987"}"""u8.ToArray());

        Assert.Equal("https://mychart.ucsf.edu", reply.GetProperty("origin").GetString());
        Assert.DoesNotContain("12345", reply.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("mrn", reply.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetSettings_then_getSettings_returns_the_change()
    {
        await DispatchAsync("""{"id":1,"type":"setSettings","settings":{"sharedDevice":true,"idleTimeoutMinutes":15}}"""u8.ToArray());

        var reply = await DispatchAsync("""{"id":2,"type":"getSettings"}"""u8.ToArray());

        var settings = reply.GetProperty("settings");
        Assert.True(settings.GetProperty("sharedDevice").GetBoolean());
        Assert.Equal(15, settings.GetProperty("idleTimeoutMinutes").GetInt32());
        Assert.False(settings.GetProperty("requireVpn").GetBoolean());
    }

    [Fact]
    public async Task ReportEvent_records_only_the_origin()
    {
        var reply = await DispatchAsync("""{"id":1,"type":"reportEvent","event":"rememberMeBlocked","origin":"https://mychart.ucsf.edu/MyChart/Login?user=jane","count":2}"""u8.ToArray());

        Assert.True(reply.GetProperty("recorded").GetBoolean());
        var recorded = Assert.Single(_store.Require().Audit.Read(since: null));
        Assert.Equal("https://mychart.ucsf.edu", recorded.Origin);
        Assert.Equal(AuditEventCode.RememberMeBlocked, recorded.Code);
        Assert.Equal(2, recorded.Count);
    }

    public static TheoryData<string> UnechoableIds() =>
    [
        "true",
        "{}",
        "[1]",
        "\"\\ud800\"",
        "\"" + new string('<', NativeMessagingLimits.MaxIdLength + 1) + "\"",
        new string('9', NativeMessagingLimits.MaxIdLength + 1),
    ];

    [Theory]
    [MemberData(nameof(UnechoableIds))]
    public async Task Id_that_cannot_be_echoed_is_invalid_request_without_an_id(string id)
    {
        var reply = await DispatchAsync(Encoding.UTF8.GetBytes("{\"id\":" + id + ",\"type\":\"hello\"}"));

        Assert.Equal("invalid-request", reply.GetProperty("code").GetString());
        Assert.Equal("id", reply.GetProperty("field").GetString());
        Assert.False(reply.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Id_of_the_longest_length_is_echoed()
    {
        var id = new string('<', NativeMessagingLimits.MaxIdLength);

        var reply = await DispatchAsync(Encoding.UTF8.GetBytes("{\"id\":\"" + id + "\",\"type\":\"hello\"}"));

        Assert.Equal("hello", reply.GetProperty("type").GetString());
        Assert.Equal(id, reply.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Long_id_that_escaping_would_push_past_the_reply_limit_is_not_echoed()
    {
        // Found by the fuzz target: '<' is written back as \u003C, so a 200,000-character id made a 1.2 MB error reply,
        // which the frame writer refused with an exception that ended the session.
        var reply = await DispatchAsync(Encoding.UTF8.GetBytes("{\"id\":\"" + new string('<', 200_000) + "\",\"type\":\"nope\"}"));

        Assert.Equal("invalid-request", reply.GetProperty("code").GetString());
        Assert.False(reply.TryGetProperty("id", out _));
    }

    [Fact]
    public void Error_reply_that_would_break_the_limit_keeps_only_its_code()
    {
        var bytes = MessageDispatcher.Error(null, ProtocolErrorCodes.InvalidRequest, new string('<', 300_000), field: "x");

        Assert.True(bytes.Length <= NativeMessagingLimits.MaxOutgoingFrameBytes);
        var reply = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal("invalid-request", reply.GetProperty("code").GetString());
        Assert.False(reply.TryGetProperty("field", out _));
    }

    private async Task<JsonElement> DispatchAsync(byte[] frame, int maxReplyBytes = NativeMessagingLimits.MaxOutgoingFrameBytes)
    {
        var checker = new PortalChecker(_store, new GuardProbes(_probe, Dns: null, Tls: null, Wifi: null), TimeProvider.System);
        var handlers = new RequestHandlers(checker, _store, _probe, TimeProvider.System, "test");
        var dispatcher = new MessageDispatcher(handlers, NullLogger<MessageDispatcher>.Instance, maxReplyBytes);
        var reply = await dispatcher.DispatchAsync(frame, CancellationToken.None);
        return JsonDocument.Parse(reply).RootElement.Clone();
    }
}
