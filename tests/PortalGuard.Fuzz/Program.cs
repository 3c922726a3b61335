using PortalGuard.Fuzz;
using SharpFuzz;

// Under afl-fuzz (scripts/fuzz.sh): SharpFuzz's fork server feeds each input through the target; an exception is a crash.
// Out of process, so that a hang or an uncatchable fault costs one restarted child, not the whole campaign.
// With arguments (an uninstrumented build only): "--write-seeds DIR" writes the seed corpus; files or folders replay
// those inputs and name each failure.
if (args.Length == 2 && args[0] == "--write-seeds")
{
    SeedCorpus.WriteTo(args[1]);
    return 0;
}

if (args.Length == 0)
{
    // Instrumented code may run only inside the action, once SharpFuzz has mapped AFL's coverage memory: the target is
    // built on the first input (SharpFuzz's warm-up run), not before. The seeds then run once, so that what happens only
    // once per process (source-generated JSON metadata, the catalog, the suffix list) is not charged to a later input.
    SessionFuzzTarget? fuzzed = null;
    Fuzzer.OutOfProcess.Run(stream =>
    {
        if (fuzzed is null)
        {
            fuzzed = new SessionFuzzTarget();
            foreach (var (_, seed) in SeedCorpus.All)
            {
                fuzzed.Run(seed);
            }

            CoverageMap.Clear();
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        fuzzed.Run(buffer.ToArray());
    });
    fuzzed?.Dispose();
    return 0;
}

using var target = new SessionFuzzTarget();
var failures = 0;
var files = args.SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a).Order(StringComparer.Ordinal) : (IEnumerable<string>)[a]).ToList();
foreach (var file in files)
{
    try
    {
        target.Run(File.ReadAllBytes(file));
    }
    catch (InvariantViolationException ex)
    {
        failures++;
        await Console.Error.WriteLineAsync($"FAIL {file}: {ex}").ConfigureAwait(false);
    }
}

await Console.Error.WriteLineAsync($"{files.Count - failures} of {files.Count} inputs kept every invariant").ConfigureAwait(false);
return failures == 0 ? 0 : 1;
