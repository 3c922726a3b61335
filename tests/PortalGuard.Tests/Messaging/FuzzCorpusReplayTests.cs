using System.Text;
using PortalGuard.Fuzz;
using PortalGuard.Messaging;

namespace PortalGuard.Tests.Messaging;

/// <summary>
/// Replays the fuzz corpus and every crash or hang a campaign found (tests/PortalGuard.Fuzz/corpus, …/regressions)
/// through the fuzz target itself, in-process, so CI keeps each of them fixed without running a fuzzer.
/// </summary>
public sealed class FuzzCorpusReplayTests(FuzzTargetFixture fixture) : IClassFixture<FuzzTargetFixture>
{
    private static readonly string InputFolder = Path.Combine(AppContext.BaseDirectory, "FuzzInputs");

    public static TheoryData<string> Inputs() =>
        [.. Directory.EnumerateFiles(InputFolder, "*.bin").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fuzz_input_keeps_every_session_invariant(string file)
    {
        fixture.Target.Run(File.ReadAllBytes(Path.Combine(InputFolder, file)));
    }

    [Fact]
    public void Empty_input_keeps_every_session_invariant()
    {
        fixture.Target.Run([]);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("launchRockets")]
    public void Request_with_an_id_too_long_to_echo_keeps_every_session_invariant(string type)
    {
        // Escaped as \u003C when echoed: six bytes a character, so the reply would have passed the 1 MiB limit.
        fixture.Target.Run(Frames.Of("{\"id\":\"" + new string('<', 200_000) + "\",\"type\":\"" + type + "\"}"));
    }

    [Fact]
    public void Committed_corpus_is_what_the_seed_list_writes()
    {
        foreach (var (name, input) in SeedCorpus.All)
        {
            var path = Path.Combine(InputFolder, name + ".bin");
            Assert.True(File.Exists(path), $"{name}.bin is missing: run the fuzz project with --write-seeds tests/PortalGuard.Fuzz/corpus");
            Assert.Equal(input, File.ReadAllBytes(path));
        }
    }

    [Theory]
    [InlineData("exit code", SessionExitCodes.Truncated, """{"type":"hello","id":1}""")]
    [InlineData("reply count", SessionExitCodes.Closed)]
    [InlineData("internal error", SessionExitCodes.Closed, """{"type":"error","id":1,"code":"internal-error","message":"x"}""")]
    [InlineData("reply not JSON", SessionExitCodes.Closed, """{"type":"hello","id":1""")]
    [InlineData("reply type", SessionExitCodes.Closed, """{"type":"getSettings","id":1}""")]
    [InlineData("echoed id", SessionExitCodes.Closed, """{"type":"hello","id":2}""")]
    public void Invariants_catch_a_session_that_breaks_its_promise(string broken, int exitCode, params string[] replies)
    {
        var input = Frames.Of("""{"id":1,"type":"hello"}""");
        var output = Frames.Concat([.. replies.Select(Frames.Of)]);

        var ex = Assert.Throws<InvariantViolationException>(() => SessionInvariants.Check(input, exitCode, output));
        Assert.False(string.IsNullOrEmpty(ex.Message), broken);
    }

    [Fact]
    public void Invariants_catch_stdout_that_ends_inside_a_frame()
    {
        var input = Frames.Of("""{"id":1,"type":"hello"}""");
        var output = Frames.Of("""{"type":"hello","id":1}""")[..^1];

        Assert.Throws<InvariantViolationException>(() => SessionInvariants.Check(input, SessionExitCodes.Closed, output));
    }

    [Fact]
    public void Invariants_accept_the_reply_a_session_really_gives()
    {
        var input = Frames.Of("""{"id":1,"type":"hello"}""");
        var output = Frames.Of(Encoding.UTF8.GetBytes("""{"type":"hello","id":1,"protocolVersion":1}"""));

        SessionInvariants.Check(input, SessionExitCodes.Closed, output);
    }
}
