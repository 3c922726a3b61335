using PortalGuard.Fuzz;
using SharpFuzz;

// Under afl-fuzz (scripts/fuzz.sh): SharpFuzz's fork server feeds each input through the target; an exception is a crash.
// Out of process, so that a hang or an uncatchable fault costs one restarted child, not the whole campaign.
// With arguments: "--write-seeds DIR" writes the seed corpus; files or folders replay those inputs and name each failure.
if (args.Length == 2 && args[0] == "--write-seeds")
{
    SeedCorpus.WriteTo(args[1]);
    return 0;
}

CoverageMap.UseScratch();
using var target = new SessionFuzzTarget();
if (args.Length == 0)
{
    // The seeds run once before fuzzing starts, against the scratch map: what happens once per process (source-generated
    // JSON metadata, the catalog, the suffix list) then never shows up as an input's coverage.
    foreach (var (_, seed) in SeedCorpus.All)
    {
        target.Run(seed);
    }

    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}

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
