#!/usr/bin/env bash
# Whole-process benchmark: the published host against a minimal native-messaging host in C and one in Python, same run.
#   bench/startup.sh [path/to/portalguard ...]     (default: artifacts/portalguard-linux-x64/portalguard, from scripts/publish.sh)
# Env: RUNS (cold starts per host, default 21), REQUESTS (assessPage round trips, default 2000).
# The "echo" baselines answer with a fixed frame: they are the floor of process start + pipe I/O, not a second guard.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=/usr/bin/python3   # Debian's: the pyenv shim first on PATH adds ~300 ms per start
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -O2 -o "$out/echo-host" bench/echo-host.c

hosts=("c-echo=$out/echo-host" "python-echo=$PY bench/echo_host.py")
if [ $# -eq 0 ]; then set -- artifacts/portalguard-linux-x64/portalguard; fi
for host in "$@"; do
  [ -x "$host" ] || { echo "no executable at $host; run scripts/publish.sh first" >&2; exit 1; }
  hosts+=("portalguard($(basename "$(dirname "$host")"))=$host")
done

echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(uname -r), load $(cut -d" " -f1-3 /proc/loadavg): RUNS=${RUNS:-21} REQUESTS=${REQUESTS:-2000} bench/startup.sh $*"
"$PY" bench/measure.py --runs "${RUNS:-21}" --requests "${REQUESTS:-2000}" "${hosts[@]}"
