using System.Text;
using System.Text.Json;
using PortalGuard.Install;
using PortalGuard.Messaging;

namespace PortalGuard.IntegrationTests.Hardening;

/// <summary>
/// Hostile callers and hostile input against the real executable, each refused cleanly as docs/protocol.md says: the
/// documented reply or exit code, a session that goes on where the protocol says it does, and nothing on stdout but whole frames.
/// </summary>
/// <remarks>
/// Rows already in Host/NativeMessagingProcessTests are not repeated here: a foreign extension id and a look-alike origin,
/// a foreign Firefox add-on id, a frame of 1 MiB + 1, invalid UTF-8, broken JSON, and a field of the wrong type.
/// </remarks>
public sealed class CallerAndInputChecksTests : IDisposable
{
    private const string Hello = """{"id":"h","type":"hello"}""";
    private const string OursOnFirefox = AllowedCallers.FirefoxAddonId;

    /// <summary>Stands for a raw NUL byte in a row, so that no test name carries one.</summary>
    private const string RawNul = "{NUL}";

    private readonly PortalGuardProcess _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, string, string, string?> RefusedInputs => new()
    {
        // Nesting: the documented limit is 32 levels; the parser must refuse deeper input without recursing into it.
        { "nesting 33 deep", Nested(33), "bad-json", null },
        { "arrays nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000), "bad-json", null },
        { "objects nested 10,000 deep", string.Concat(Enumerable.Repeat("""{"a":""", 10_000)) + "1" + new string('}', 10_000), "bad-json", null },
        { "brackets filling a whole 1 MiB frame", new string('[', 512 * 1024) + new string(']', 512 * 1024), "bad-json", null },

        // Numbers out of range, or not numbers.
        { "count of -1", Report("\"count\":-1"), "invalid-request", "count" },
        { "count of 1,000,001", Report("\"count\":1000001"), "invalid-request", "count" },
        { "count of 1e309 (beyond a double)", Report("\"count\":1e309"), "invalid-request", "count" },
        { "count of 2^53+1 (beyond exact doubles)", Report("\"count\":9007199254740993"), "invalid-request", "count" },
        { "count with a fraction", Report("\"count\":1.5"), "invalid-request", "count" },
        { "count as a string", Report("\"count\":\"5\""), "invalid-request", "count" },
        { "idle timeout of 1e309", """{"id":1,"type":"setSettings","settings":{"idleTimeoutMinutes":1e309}}""", "invalid-request", "settings.idleTimeoutMinutes" },
        { "idle timeout of -1", """{"id":1,"type":"setSettings","settings":{"idleTimeoutMinutes":-1}}""", "invalid-request", "settings.idleTimeoutMinutes" },

        // NUL.
        { "escaped NUL inside an origin's host", Report(origin: """https://mychart\u0000.ucsf.edu"""), "invalid-request", "origin" },
        { "escaped NUL after an event name", """{"id":1,"type":"reportEvent","event":"proceeded\u0000","origin":"https://mychart.ucsf.edu"}""", "invalid-request", "event" },
        { "raw NUL byte inside a string", Report(origin: "https://mychart" + RawNul + ".ucsf.edu"), "bad-json", null },

        // Lone surrogates: valid JSON escapes, but no valid text.
        { "lone high surrogate in an origin", Report(origin: """https://mychart.ucsf.edu\ud800"""), "invalid-request", "origin" },
        { "lone low surrogate in a brand word", """{"id":1,"type":"assessPage","url":"https://a.example","signals":{"brandWords":["my\udc00chart"]}}""", "invalid-request", "signals.brandWords" },
        { "lone surrogate in the type", """{"id":1,"type":"hello\ud800"}""", "invalid-request", "type" },
        { "lone surrogate as the id (not echoed)", """{"id":"\udbff","type":"hello"}""", "invalid-request", "id" },

        // Duplicate keys: the message would say two things; it is refused rather than read one way or the other.
        { "type given twice", """{"id":1,"type":"hello","type":"setSettings"}""", "bad-json", null },
        { "origin given twice", """{"id":1,"type":"reportEvent","event":"proceeded","origin":"https://mychart.ucsf.edu","origin":"https://evil.example"}""", "bad-json", null },
        { "a signal given twice", """{"id":1,"type":"assessPage","url":"https://a.example","signals":{"hasPasswordField":false,"hasPasswordField":true}}""", "bad-json", null },
    };

    public static TheoryData<string, string, string> EdgeInputs => new()
    {
        { "nesting of exactly 32", Nested(32), "\"type\":\"hello\"" },
        { "an id beyond exact doubles, echoed digit for digit", """{"id":9007199254740993,"type":"getSettings"}""", "\"id\":9007199254740993," },
        { "an id of 1e309, echoed as written", """{"id":1e309,"type":"getSettings"}""", "\"id\":1e309," },
        { "an id with NUL, echoed escaped", """{"id":"a\u0000b","type":"getSettings"}""", "\"id\":\"a\\u0000b\"" },
        { "a lone surrogate in an unknown extra field, which is never read", """{"id":1,"type":"hello","note":"\ud800"}""", "\"type\":\"hello\"" },
    };

    // Rows are not enumerated at discovery: some are a megabyte long, and test names should stay short.
    [Theory]
    [MemberData(nameof(RefusedInputs), DisableDiscoveryEnumeration = true)]
    public async Task Hostile_input_gets_the_documented_error_and_the_session_goes_on(string _, string json, string code, string? field)
    {
        var frame = Encoding.UTF8.GetBytes(json.Replace(RawNul, "\0", StringComparison.Ordinal));
        var result = await _host.RunSessionAsync(Frames.Concat(Frames.Of(frame), Frames.Of(Hello)));

        Assert.Equal(0, result.ExitCode);
        var replies = Parse(result);
        Assert.Equal(2, replies.Count);
        Assert.Equal("error", replies[0].GetProperty("type").GetString());
        Assert.Equal(code, replies[0].GetProperty("code").GetString());
        Assert.Equal(field, replies[0].TryGetProperty("field", out var f) ? f.GetString() : null);
        Assert.Equal("hello", replies[1].GetProperty("type").GetString());
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public async Task Refused_input_leaves_nothing_in_the_audit_trail()
    {
        var result = await _host.RunSessionAsync(Frames.Concat(
            Frames.Of(Report("\"count\":-1")),
            Frames.Of(Report(origin: """https://mychart\u0000.ucsf.edu""")),
            Frames.Of(Report(origin: """https://mychart.ucsf.edu\ud800""")),
            Frames.Of("""{"id":1,"type":"reportEvent","event":"proceeded","origin":"https://mychart.ucsf.edu","origin":"https://evil.example"}""")));

        Assert.All(Parse(result), r => Assert.Equal("error", r.GetProperty("type").GetString()));
        Assert.Equal(["0"], Storage.RawSqlite.Column(_host.DatabasePath, "SELECT count(*) FROM audit_events;"));
    }

    [Theory]
    [MemberData(nameof(EdgeInputs))]
    public async Task Edge_input_within_the_rules_is_answered_normally(string _, string json, string expected)
    {
        var result = await _host.RunSessionAsync(Frames.Of(json));

        Assert.Equal(0, result.ExitCode);
        var reply = Assert.Single(Frames.Split(result.StandardOutput));
        using (JsonDocument.Parse(reply))
        {
            Assert.Contains(expected, reply, StringComparison.Ordinal);
            Assert.DoesNotContain("\"error\"", reply, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("64 MiB, Chrome's own limit", 64u * 1024 * 1024)]
    [InlineData("2^31, negative as a signed length", 0x8000_0000u)]
    [InlineData("2^32-1, the largest prefix", 0xFFFF_FFFFu)]
    public async Task Oversized_length_prefix_is_refused_unread_and_the_host_exits_4(string _, uint length)
    {
        // Only the prefix is sent: a host that tried to read the body would meet the end of input and exit 5 instead.
        var result = await _host.RunSessionAsync(Frames.Concat(Frames.Of(Hello), Frames.Header(length)));

        Assert.Equal(4, result.ExitCode);
        var replies = Parse(result);
        Assert.Equal(["hello", "error"], replies.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal("frame-too-large", replies[1].GetProperty("code").GetString());
        Assert.False(replies[1].TryGetProperty("id", out var _));
    }

    [Theory]
    [InlineData("our extension id in capitals", "chrome-extension://JMIAHMLKAAJNBMIIHMBHDCJLENNOIAOH/")]
    [InlineData("our extension id with a path", "chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/evil/")]
    [InlineData("32 letters a", "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")]
    [InlineData("no id at all", "chrome-extension://")]
    public async Task Foreign_chromium_origin_is_refused_with_exit_3(string _, string origin)
    {
        var result = await _host.RunSessionAsync(Frames.Of(Hello), origin);

        AssertRefused(result, $"caller {origin}: not an allowed extension");
    }

    [Theory]
    [InlineData("our add-on id in other letter case", "PortalGuard@portalguard.org")]
    [InlineData("an empty add-on id", "")]
    [InlineData("our add-on id with a suffix", "portalguard@portalguard.org.evil.example")]
    public async Task Foreign_firefox_addon_is_refused_with_exit_3(string _, string addonId)
    {
        var result = await _host.RunAsync([_host.InstallFirefoxManifest(), addonId], Frames.Of(Hello));

        AssertRefused(result, $"caller {addonId}: not an allowed extension");
    }

    /// <summary>Our add-on id is served only when Firefox launched the host through PortalGuard's own manifest.</summary>
    [Theory]
    [InlineData("a manifest that does not exist", "missing", "names no file")]
    [InlineData("a folder named like the manifest", "folder", "names no file")]
    [InlineData("another host's manifest file", "other-name", "not a file named com.portalguard.host.json")]
    [InlineData("our file name, another host's name inside", "other-host", "is not a PortalGuard host manifest")]
    [InlineData("our file name, another program's path inside", "other-program", "is not a PortalGuard host manifest")]
    [InlineData("our file name, not JSON", "not-json", "is not a PortalGuard host manifest")]
    [InlineData("our file name, 100 KB", "huge", "too large to be a host manifest")]
    public async Task Firefox_launch_through_a_manifest_other_than_ours_is_refused_with_exit_3(string _, string manifestKind, string logged)
    {
        var manifest = WriteManifest(manifestKind);

        var result = await _host.RunAsync([manifest, OursOnFirefox], Frames.Of(Hello));

        AssertRefused(result, $"caller {OursOnFirefox}: the manifest path {manifest}", logged);
    }

    private string WriteManifest(string kind)
    {
        var folder = Path.Combine(_host.DataDirectory, "elsewhere");
        Directory.CreateDirectory(folder);
        var ours = Path.Combine(folder, HostIdentity.HostName + ".json");
        var content = $$"""{"name":"{{HostIdentity.HostName}}","description":"x","path":"{{PortalGuardProcess.ExecutablePath}}","type":"stdio","allowed_extensions":["{{OursOnFirefox}}"]}""";
        switch (kind)
        {
            case "missing":
                return ours;
            case "folder":
                Directory.CreateDirectory(ours);
                return ours;
            case "other-name":
                var other = Path.Combine(folder, "org.example.other.json");
                File.WriteAllText(other, content);
                return other;
            case "other-host":
                File.WriteAllText(ours, content.Replace(HostIdentity.HostName, "org.example.other", StringComparison.Ordinal));
                return ours;
            case "other-program":
                File.WriteAllText(ours, content.Replace(PortalGuardProcess.ExecutablePath, "/usr/bin/python3", StringComparison.Ordinal));
                return ours;
            case "not-json":
                File.WriteAllText(ours, "#!/bin/sh\nexec portalguard\n");
                return ours;
            case "huge":
                File.WriteAllText(ours, content[..^1] + ",\"pad\":\"" + new string('x', 100_000) + "\"}");
                return ours;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private void AssertRefused(ProcessResult result, params string[] logged)
    {
        Assert.Equal(3, result.ExitCode);
        var reply = Assert.Single(Parse(result));
        Assert.Equal("origin-not-allowed", reply.GetProperty("code").GetString());
        Assert.Equal(string.Empty, result.StandardError);
        var refusal = _host.ReadLogs().Split('\n').SingleOrDefault(l => l.Contains("Refused", StringComparison.Ordinal)) ?? "(no refusal logged)";
        Assert.All(logged, text => Assert.Contains(text, refusal, StringComparison.Ordinal));
    }

    private static string Nested(int depth) =>
        "{\"id\":1,\"type\":\"hello\",\"x\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

    private static string Report(string extra = "\"count\":1", string origin = "https://mychart.ucsf.edu") =>
        $$"""{"id":1,"type":"reportEvent","event":"proceeded","origin":"{{origin}}",{{extra}}}""";

    private static List<JsonElement> Parse(ProcessResult result) =>
        Frames.Split(result.StandardOutput).Select(f => JsonDocument.Parse(f).RootElement.Clone()).ToList();
}
