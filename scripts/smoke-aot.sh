#!/usr/bin/env bash
# Opt-in smoke test of the published host (not run by CI: a NativeAOT publish takes minutes on a shared machine):
# starts it as Chrome would, sends one `hello` frame and checks the reply frame.
#   scripts/smoke-aot.sh            publishes with scripts/publish.sh first
#   scripts/smoke-aot.sh --no-publish [path/to/portalguard]
set -euo pipefail
cd "$(dirname "$0")/.."

exe=artifacts/portalguard-linux-x64/portalguard
if [ "${1:-}" = --no-publish ]; then exe="${2:-$exe}"; else scripts/publish.sh aot >/dev/null; fi
[ -x "$exe" ] || { echo "FAIL: no executable at $exe" >&2; exit 1; }
[ -e "$(dirname "$exe")/libe_sqlite3.so" ] || { echo "FAIL: libe_sqlite3.so is not beside $exe" >&2; exit 1; }

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
request='{"id":"smoke","type":"hello"}'
len=${#request}
reply="$(
  { printf "\\x$(printf %02x $((len & 255)))\\x$(printf %02x $(((len >> 8) & 255)))\\x00\\x00%s" "$request"; } |
  PORTALGUARD_DATA_DIR="$data" PORTALGUARD_POLICY_FILE="$data/none.json" timeout 20 "$exe" chrome-extension://jmiahmlkaajnbmiihmbhdcjlennoiaoh/ |
  tail -c +5
)"
case "$reply" in
  *'"type":"hello"'*'"storage":"ok"'*) echo "PASS: $exe answered hello: $reply" ;;
  *) echo "FAIL: unexpected reply: $reply" >&2; exit 1 ;;
esac
"$exe" version
