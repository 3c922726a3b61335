using System.Text;
using System.Text.Json;

namespace PortalGuard.IntegrationTests.Hardening;

/// <summary>
/// A property test over 100,000 generated and mutated frames against the real executable: every frame gets exactly one
/// reply, stdout stays a valid sequence of frames, every reply is a JSON object of at most 1 MB, and the host closes
/// cleanly. Deterministic (fixed seed), so a failure can be replayed.
/// </summary>
public sealed class MutatedFramesPropertyTests : IDisposable
{
    private const int Frames = 100_000;
    private const int FramesPerSession = 20_000;
    private const int Seed = 20261123;

    private static readonly string[] ValidRequests =
    [
        """{"id":1,"type":"hello"}""",
        """{"id":"a","type":"assessPage","url":"https://mychart.ucsf.edu","signals":{"topFrame":true,"hasPasswordField":true,"hasRememberMe":true,"formActionOrigin":"https://mychart.ucsf.edu","brandWords":["mychart"]}}""",
        """{"id":3,"type":"getPosture"}""",
        """{"id":4,"type":"checkPortal","host":"acme.followmyhealth.com"}""",
        """{"id":5,"type":"getSettings"}""",
        """{"id":6,"type":"setSettings","settings":{"sharedDevice":true,"idleTimeoutMinutes":15}}""",
        """{"id":7,"type":"reportEvent","event":"proceeded","origin":"https://mychart.ucsf.edu","level":"warn","count":1}""",
    ];

    private readonly PortalGuardProcess _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Every_mutated_frame_gets_one_well_formed_reply_and_the_host_never_breaks()
    {
        var random = new Random(Seed);
        var errorCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var session = 0; session < Frames / FramesPerSession; session++)
        {
            var input = new MemoryStream();
            for (var i = 0; i < FramesPerSession; i++)
            {
                var frame = Testing.Frames.Of(Mutate(random, Encoding.UTF8.GetBytes(ValidRequests[random.Next(ValidRequests.Length)])));
                input.Write(frame);
            }

            var result = await _host.RunSessionAsync(input.ToArray());

            Assert.Equal(0, result.ExitCode);
            var replies = Testing.Frames.Split(result.StandardOutput);
            Assert.Equal(FramesPerSession, replies.Count);
            foreach (var reply in replies)
            {
                Assert.True(Encoding.UTF8.GetByteCount(reply) <= 1024 * 1024, "a reply over 1 MB");
                using var document = JsonDocument.Parse(reply);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                var type = document.RootElement.GetProperty("type").GetString();
                Assert.False(string.IsNullOrEmpty(type));
                if (type == "error")
                {
                    var code = document.RootElement.GetProperty("code").GetString()!;
                    Assert.NotEqual("internal-error", code);
                    errorCodes[code] = errorCodes.GetValueOrDefault(code) + 1;
                }
            }
        }

        // The generator reaches every kind of refusal the table names for input that keeps the stream in sync.
        Assert.All(new[] { "bad-message", "bad-json", "unknown-type", "invalid-request" }, code => Assert.True(errorCodes.ContainsKey(code), $"no {code} was produced"));
    }

    /// <summary>One of a few mutations, as a fuzzer would make them: byte flips, insertions, deletions, truncation, splices, nonsense.</summary>
    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        switch (random.Next(8))
        {
            case 0:
                return valid;
            case 1:
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 2:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                break;
            case 3:
                bytes.RemoveAt(random.Next(bytes.Count));
                break;
            case 4:
                return valid[..random.Next(valid.Length)];
            case 5:
                var text = Encoding.UTF8.GetString(valid);
                string[] swaps = ["1", "\"x\"", "null", "[]", "{}", "true", "-1e308", "\"\\u0000\"", "\"\\ud800\"", "99999999999999999999"];
                var quote = text.IndexOf(':', random.Next(text.Length));
                if (quote > 0)
                {
                    var end = text.IndexOfAny([',', '}'], quote);
                    text = text[..(quote + 1)] + swaps[random.Next(swaps.Length)] + (end > 0 ? text[end..] : "}");
                }

                return Encoding.UTF8.GetBytes(text);
            case 6:
                var noise = new byte[random.Next(0, 64)];
                random.NextBytes(noise);
                return noise;
            default:
                var t = Encoding.UTF8.GetString(valid);
                return Encoding.UTF8.GetBytes(t.Replace("\"type\":\"", "\"type\":\"x" + random.Next(1000), StringComparison.Ordinal));
        }

        return [.. bytes];
    }
}
