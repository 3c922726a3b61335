#!/usr/bin/env bash
# Publishes the host for Linux into artifacts/portalguard-<rid>/: the `portalguard` executable with libe_sqlite3.so beside it.
#   scripts/publish.sh            NativeAOT (default): one native file, starts in ~30 ms (bench/README.md), no .NET runtime needed
#   scripts/publish.sh r2r        ReadyToRun, self-contained: the fallback where NativeAOT cannot build (no C toolchain,
#                                 an unsupported target); starts in ~220 ms, a folder of files instead of one
#   RID=linux-arm64 scripts/publish.sh   another runtime identifier (NativeAOT cannot cross-compile across OS/arch)
# NativeAOT needs clang, or gcc (chosen automatically by the host's project when clang is absent). A trim or AOT warning
# fails the script: warnings there mean behaviour may differ from the tested build.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-aot}"
rid="${RID:-linux-x64}"
out="artifacts/portalguard-$rid"
case "$mode" in
  aot) props=(-p:PublishAot=true) ;;
  r2r) props=(-p:PublishReadyToRun=true --self-contained) ;;
  *) echo "usage: scripts/publish.sh [aot|r2r]" >&2; exit 2 ;;
esac

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
rm -rf "$out"
if ! dotnet publish src/PortalGuard.Host -c Release -r "$rid" "${props[@]}" -o "$out" 2>&1 | tee "$log"; then
  [ "$mode" = aot ] && echo "NativeAOT publish failed; the ReadyToRun fallback is: scripts/publish.sh r2r" >&2
  exit 1
fi
if grep -qE 'warning (IL[0-9]+|AOT)' "$log"; then
  echo "publish produced trim/AOT warnings (above); refusing the result" >&2
  exit 1
fi

# Debug symbols stay out of what is installed (keep them with KEEP_SYMBOLS=1 for crash analysis).
[ "${KEEP_SYMBOLS:-0}" = 1 ] || rm -f "$out"/*.pdb "$out"/*.dbg
ls -l "$out"
echo "published $mode to $out"
