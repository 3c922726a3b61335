using System.Text;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Host;

/// <summary>The bad-input table of the protocol, each row against the real executable over real pipes.</summary>
public sealed class NativeMessagingProcessTests : IDisposable
{
    private const string Hello = """{"id":"h","type":"hello"}""";

    private readonly PortalGuardProcess _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Session_answers_each_frame_and_exits_0_when_the_browser_closes_stdin()
    {
        var result = await _host.RunSessionAsync(Frames.Concat(
            Frames.Of(Hello),
            Frames.Of("""{"id":2,"type":"assessPage","url":"https://mychart.ucsf.edu","signals":{"hasPasswordField":true}}""")));

        Assert.Equal(0, result.ExitCode);
        var replies = Parse(result);
        Assert.Equal(["hello", "assessPage"], replies.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal("h", replies[0].GetProperty("id").GetString());
        Assert.Equal(2, replies[1].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Nothing_but_frames_is_written_to_stdout()
    {
        var result = await _host.RunSessionAsync(Frames.Concat(
            Frames.Of(Hello),
            Frames.Of([]),
            Frames.Of("not json"),
            Frames.Of("""{"id":3,"type":"getPosture"}"""),
            Frames.Of("""{"id":4,"type":"checkPortal","host":"mychart.ucsf.edu"}"""),
            Frames.Of("""{"id":5,"type":"getSettings"}""")));

        // Frames.Split fails on any byte that is not part of a whole frame.
        var frames = Frames.Split(result.StandardOutput);
        Assert.Equal(6, frames.Count);
        Assert.All(frames, f => JsonDocument.Parse(f).Dispose());
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Theory]
    [InlineData("empty frame", "", "bad-message")]
    [InlineData("an array", "[1,2,3]", "bad-message")]
    [InlineData("a string", "\"hello\"", "bad-message")]
    [InlineData("broken JSON", "{\"id\":1,", "bad-json")]
    [InlineData("unknown type", "{\"id\":1,\"type\":\"formatDisk\"}", "unknown-type")]
    [InlineData("missing id", "{\"type\":\"hello\"}", "invalid-request")]
    [InlineData("missing url", "{\"id\":1,\"type\":\"assessPage\"}", "invalid-request")]
    [InlineData("url of the wrong type", "{\"id\":1,\"type\":\"assessPage\",\"url\":[\"x\"]}", "invalid-request")]
    public async Task Bad_message_gets_an_error_reply_and_the_session_goes_on(string _, string json, string code)
    {
        var result = await _host.RunSessionAsync(Frames.Concat(Frames.Of(json), Frames.Of(Hello)));

        Assert.Equal(0, result.ExitCode);
        var replies = Parse(result);
        Assert.Equal(2, replies.Count);
        Assert.Equal(code, replies[0].GetProperty("code").GetString());
        Assert.Equal("hello", replies[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_gets_bad_json_and_the_session_goes_on()
    {
        var result = await _host.RunSessionAsync(Frames.Concat(Frames.Of([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), Frames.Of(Hello)));

        var replies = Parse(result);
        Assert.Equal("bad-json", replies[0].GetProperty("code").GetString());
        Assert.Equal("hello", replies[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_request_names_the_field()
    {
        var result = await _host.RunSessionAsync(Frames.Of("""{"id":1,"type":"assessPage","url":"https://a.example","signals":{"hasRememberMe":"yes"}}"""));

        var reply = Assert.Single(Parse(result));
        Assert.Equal("invalid-request", reply.GetProperty("code").GetString());
        Assert.Equal("signals.hasRememberMe", reply.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Frame_over_1_MiB_is_refused_unread_and_the_host_exits_non_zero()
    {
        var oversized = Frames.Concat(Frames.Header(1024 * 1024 + 1), new byte[64 * 1024]);

        var result = await _host.RunSessionAsync(Frames.Concat(Frames.Of(Hello), oversized, Frames.Of(Hello)));

        Assert.Equal(4, result.ExitCode);
        var replies = Parse(result);
        Assert.Equal(2, replies.Count);
        Assert.Equal("hello", replies[0].GetProperty("type").GetString());
        Assert.Equal("frame-too-large", replies[1].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Frame_of_exactly_1_MiB_is_read()
    {
        var padding = new string('a', (1024 * 1024) - Encoding.UTF8.GetByteCount("""{"id":1,"type":"hello","pad":""}"""));
        var frame = Frames.Of($$"""{"id":1,"type":"hello","pad":"{{padding}}"}""");

        var result = await _host.RunSessionAsync(frame);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello", Assert.Single(Parse(result)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("inside the length prefix", new byte[] { 0x10, 0x00 })]
    [InlineData("inside the body", new byte[] { 0x20, 0x00, 0x00, 0x00, 0x7b, 0x22, 0x69 })]
    public async Task End_of_input_inside_a_frame_exits_non_zero_and_writes_nothing_partial(string _, byte[] tail)
    {
        var result = await _host.RunSessionAsync(Frames.Concat(Frames.Of(Hello), tail));

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("hello", Assert.Single(Parse(result)).GetProperty("type").GetString());
        Assert.Contains("Input ended inside a frame", _host.ReadLogs(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/")]
    [InlineData("chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh.evil.example/")]
    public async Task Foreign_extension_gets_one_origin_not_allowed_reply_and_the_host_exits(string origin)
    {
        var result = await _host.RunSessionAsync(Frames.Of(Hello), origin);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("origin-not-allowed", Assert.Single(Parse(result)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("portalguard@portalguard.org", 0, "hello")]
    [InlineData("thief@example.org", 3, "error")]
    public async Task Firefox_launch_is_served_only_for_our_addon_id(string addonId, int exitCode, string replyType)
    {
        // Firefox passes the manifest it has just read: the host serves a launch only through PortalGuard's own.
        var manifest = _host.InstallFirefoxManifest();

        var result = await _host.RunAsync([manifest, addonId], Frames.Of(Hello));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(replyType, Assert.Single(Parse(result)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_catalog_portal_opened_without_a_vpn_gets_the_vpn_off_warning()
    {
        // The machine running the tests has no VPN up; the lab tests cover the tunnel cases.
        var result = await _host.RunSessionAsync(Frames.Of("""{"id":1,"type":"assessPage","url":"https://mychart.ucsf.edu","signals":{"hasPasswordField":true}}"""));

        var verdict = Assert.Single(Parse(result)).GetProperty("verdict");
        Assert.Equal("warn", verdict.GetProperty("level").GetString());
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "vpn-off");
    }

    [Fact]
    public async Task Paths_and_queries_never_reach_the_log_or_the_database()
    {
        const string secret = "/MyChart/Patient/MRN-4471923?name=Jane%20Doe";
        await _host.RunSessionAsync(Frames.Concat(
            Frames.Of($$"""{"id":1,"type":"assessPage","url":"https://mychart.ucsf.edu{{secret}}"}"""),
            Frames.Of($$"""{"id":2,"type":"reportEvent","event":"proceeded","origin":"https://mychart.ucsf.edu{{secret}}","level":"warn"}"""),
            Frames.Of($$"""{"id":3,"type":"checkPortal","host":"https://evil.example{{secret}}"}""")));

        var written = _host.ReadLogs() + string.Concat(Directory.GetFiles(_host.DataDirectory).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain("4471923", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", written, StringComparison.Ordinal);
        Assert.DoesNotContain("MyChart/Patient", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_database_is_left_as_it_was_and_the_guard_keeps_warning()
    {
        var garbage = Encoding.ASCII.GetBytes(new string('x', 8192));
        await File.WriteAllBytesAsync(_host.DatabasePath, garbage);

        var result = await _host.RunSessionAsync(Frames.Concat(
            Frames.Of(Hello),
            Frames.Of("""{"id":2,"type":"assessPage","url":"https://mychart.ucsf.edu"}"""),
            Frames.Of("""{"id":3,"type":"setSettings","settings":{"sharedDevice":true}}""")));

        Assert.Equal(0, result.ExitCode);
        var replies = Parse(result);
        Assert.Equal("unavailable", replies[0].GetProperty("storage").GetString());
        Assert.Contains("portalguard.db", replies[0].GetProperty("storageError").GetString(), StringComparison.Ordinal);
        Assert.Equal("warn", replies[1].GetProperty("verdict").GetProperty("level").GetString());
        Assert.Equal("storage-unavailable", replies[2].GetProperty("code").GetString());
        Assert.Equal(garbage, await File.ReadAllBytesAsync(_host.DatabasePath));
    }

    private static List<JsonElement> Parse(ProcessResult result) =>
        Frames.Split(result.StandardOutput).Select(f => JsonDocument.Parse(f).RootElement.Clone()).ToList();
}
