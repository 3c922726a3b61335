#!/usr/bin/env bash
# Coverage-guided fuzzing of the native-messaging frame reader and dispatcher: SharpFuzz instruments PortalGuard.Core,
# AFL++ drives tests/PortalGuard.Fuzz (one input = a whole stdin of one session). See docs/fuzzing.md.
#
# Usage: scripts/fuzz.sh [seconds]        (default 600)
#
# Installs nothing. It needs:
#   - AFL++ (Debian: apt-get install afl++), for afl-fuzz;
#   - the .NET SDK of global.json;
#   - the SharpFuzz.CommandLine tool, pinned in tests/PortalGuard.Fuzz/dotnet-tools.json: `dotnet tool restore` (run
#     below) fetches it from the NuGet feed like any package restore.
# Environment: FUZZ_TIMEOUT_MS (default 5000): an input that runs longer is a hang. The first input after a child
#              (re)starts carries the start of a dotnet process, which takes seconds on a loaded machine.
#              FUZZ_OUT (default artifacts/fuzz): build output and AFL's findings.
#
# Prints execs, execs/s, corpus paths, edges, crashes and hangs. Every crash and hang found is copied to
# tests/PortalGuard.Fuzz/regressions/ (named by its SHA-1), where the replay test in PortalGuard.Tests runs it in CI;
# the script then exits 1. Exit 0: no crash, no hang. Exit 2: a tool is missing or the build failed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
timeout_ms="${FUZZ_TIMEOUT_MS:-5000}"
out="$(realpath -m "${FUZZ_OUT:-artifacts/fuzz}")"
project=tests/PortalGuard.Fuzz
regressions="$project/regressions"

log() { printf '[fuzz] %s\n' "$*" >&2; }

command -v afl-fuzz >/dev/null || { log "afl-fuzz not found: apt-get install afl++"; exit 2; }
command -v dotnet >/dev/null || { log "dotnet not found"; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { log "usage: scripts/fuzz.sh [seconds]"; exit 2; }

# --- build and instrument ------------------------------------------------------------------------------------------
# A fresh output folder each time: SharpFuzz rewrites PortalGuard.Core.dll in place and refuses one it already rewrote.
rm -rf "$out/bin" "$out/findings" "$out/seeds" "$out/tmp"
mkdir -p "$out/bin" "$out/seeds" "$out/tmp"
log "building $project (Release)"
dotnet build "$project" -c Release -o "$out/bin" -nologo -v:q >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; log "build failed"; exit 2; }
(cd "$project" && dotnet tool restore >/dev/null) || { log "dotnet tool restore failed (SharpFuzz.CommandLine)"; exit 2; }
log "instrumenting PortalGuard.Core.dll"
(cd "$project" && dotnet tool run sharpfuzz "$out/bin/PortalGuard.Core.dll") >&2 \
  || { log "instrumentation failed"; exit 2; }

# Seeds: the committed corpus plus every regression input, so a campaign starts from what already went wrong.
cp "$project"/corpus/* "$out/seeds/"
if compgen -G "$regressions/*" >/dev/null; then cp "$regressions"/* "$out/seeds/"; fi

# afl-fuzz refuses to start on a seed that crashes: say which input still fails instead.
if ! dotnet "$out/bin/PortalGuard.Fuzz.dll" "$out/seeds" 2>"$out/replay.log"; then
  grep -E '^FAIL|kept every invariant' "$out/replay.log" >&2
  log "a corpus or regression input still breaks an invariant: fix that first (details: $out/replay.log)"
  exit 1
fi

# --- fuzz ----------------------------------------------------------------------------------------------------------
# The target is "dotnet PortalGuard.Fuzz.dll", which afl-fuzz cannot see instrumentation in (SKIP_BIN_CHECK); SharpFuzz
# speaks the fork-server protocol itself. No CPU pinning: the machine is shared. Input comes on stdin (no @@).
# TMPDIR keeps each target process's temporary database inside $out (a killed child cannot delete its own).
log "fuzzing for ${seconds}s (timeout ${timeout_ms} ms per input)"
started=$(date +%s)
set +e
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_FORKSRV_INIT_TMOUT=60000 PORTALGUARD_OFFLINE=1 TMPDIR="$out/tmp" \
  afl-fuzz -i "$out/seeds" -o "$out/findings" -x "$project/protocol.dict" -t "$timeout_ms" -m none -V "$seconds" \
  -- dotnet "$out/bin/PortalGuard.Fuzz.dll" >"$out/afl.log" 2>&1
afl_status=$?
set -e
elapsed=$(( $(date +%s) - started ))

stats="$out/findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  tail -40 "$out/afl.log" >&2
  log "afl-fuzz did not start (exit $afl_status)"
  exit 2
fi
stat() { sed -n "s/^$1 *: *//p" "$stats" | head -1; }

# --- collect -------------------------------------------------------------------------------------------------------
found=0
mkdir -p "$regressions"
for kind in crashes hangs; do
  for f in "$out/findings/default/$kind"/id:*; do
    [ -f "$f" ] || continue
    name="${kind%es}"; name="${name%s}-$(sha1sum "$f" | cut -c1-12).bin"
    cp "$f" "$regressions/$name"
    log "new regression input: $regressions/$name"
    found=$((found + 1))
  done
done

crashes=$(stat saved_crashes); hangs=$(stat saved_hangs)
echo "duration:   ${elapsed}s (afl run_time $(stat run_time)s)"
echo "execs:      $(stat execs_done)"
echo "execs/s:    $(stat execs_per_sec) (whole run: $(( $(stat execs_done) / (elapsed > 0 ? elapsed : 1) )))"
echo "paths:      $(stat corpus_count) in the queue ($(stat corpus_found) found by fuzzing)"
echo "edges:      $(stat edges_found) of the map ($(stat bitmap_cvg) coverage), stability $(stat stability)"
echo "crashes:    ${crashes:-0}"
echo "hangs:      ${hangs:-0}"
echo "command:    $(stat command_line)"

if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ] || [ "$found" != 0 ]; then
  log "crashes or hangs found: reproduce with dotnet run --project $project -- $regressions (an uninstrumented build)"
  exit 1
fi
exit 0
