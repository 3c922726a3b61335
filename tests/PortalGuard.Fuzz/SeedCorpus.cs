using System.Buffers.Binary;
using System.Text;

namespace PortalGuard.Fuzz;

/// <summary>
/// The seed inputs in tests/PortalGuard.Fuzz/corpus, as code: each is a whole stdin (one or more frames, or a broken one).
/// <c>dotnet run --project tests/PortalGuard.Fuzz -- --write-seeds DIR</c> writes them; the corpus folder is that output.
/// </summary>
internal static class SeedCorpus
{
    public static IReadOnlyList<(string Name, byte[] Input)> All { get; } =
    [
        ("hello", Frame("""{"id":1,"type":"hello"}""")),
        ("assess-page", Frame("""{"id":2,"type":"assessPage","url":"https://mychart.ucsf.edu/MyChart/","signals":{"topFrame":true,"hasPasswordField":true,"hasRememberMe":true,"formActionOrigin":"https://mychart.ucsf.edu","brandWords":["MyChart","Epic"]}}""")),
        ("assess-page-lookalike", Frame("""{"id":"a","type":"assessPage","url":"http://rnychart-ucsf.example.com/login","signals":{"hasPasswordField":true,"formActionOrigin":"https://collect.example.net","brandWords":["MyChart"]}}""")),
        ("assess-page-idn", Frame("""{"id":3,"type":"assessPage","url":"https://xn--mychrt-3ya.example.org/","signals":{"topFrame":false}}""")),
        ("check-portal", Frame("""{"id":4,"type":"checkPortal","host":"mychart.ucsf.edu"}""")),
        ("check-portal-unicode", Frame("""{"id":5,"type":"checkPortal","host":"mуchart.ucsf.edu"}""")),
        ("get-posture", Frame("""{"id":6,"type":"getPosture"}""")),
        ("get-settings", Frame("""{"id":7,"type":"getSettings"}""")),
        ("set-settings", Frame("""{"id":8,"type":"setSettings","settings":{"sharedDevice":true,"requireVpn":false,"idleTimeoutMinutes":15}}""")),
        ("report-event", Frame("""{"id":9,"type":"reportEvent","event":"rememberMeBlocked","origin":"https://mychart.ucsf.edu","level":"warn","count":1}""")),
        ("session", Concat(
            Frame("""{"id":1,"type":"hello"}"""),
            Frame("""{"id":2,"type":"assessPage","url":"https://mychart.example.org/"}"""),
            Frame("""{"id":3,"type":"reportEvent","event":"proceeded","origin":"https://mychart.example.org"}"""),
            Frame("""{"id":4,"type":"getSettings"}"""))),
        ("unknown-type", Frame("""{"id":1,"type":"launchRockets"}""")),
        ("lone-surrogate", Frame("""{"id":"\ud800","type":"checkPortal","host":"a\udc00.example"}""")),
        ("bad-json", Frame("""{"id":1,"type":"hello""")),
        ("not-utf8", Frame([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
        ("deep-nesting", Frame("{\"id\":1,\"type\":\"hello\",\"x\":" + new string('[', 40) + new string(']', 40) + "}")),
        ("empty-frame", Header(0)),
        ("truncated-header", [0x10, 0x00]),
        ("truncated-body", Concat(Header(100), Encoding.UTF8.GetBytes("""{"id":1,"type":"hel"""))),
        ("huge-length", Concat(Header(uint.MaxValue), Encoding.UTF8.GetBytes("""{"id":1}"""))),
        ("just-over-limit", Concat(Frame("""{"id":1,"type":"hello"}"""), Header((1024 * 1024) + 1))),
    ];

    public static void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, input) in All)
        {
            File.WriteAllBytes(Path.Combine(directory, name + ".bin"), input);
        }
    }

    private static byte[] Frame(string json) => Frame(Encoding.UTF8.GetBytes(json));

    private static byte[] Frame(byte[] payload) => Concat(Header((uint)payload.Length), payload);

    private static byte[] Header(uint length)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(header, length);
        return header;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
