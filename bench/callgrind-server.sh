#!/usr/bin/env bash
# bench/callgrind-server.sh: instructions per request of the whole release server
# (libmicrohttpd, the bridge and the service) under callgrind, one wrk connection
# driving bench/actions.lua. Deterministic where bench/profile.sh's perf figures
# move with the machine's load: use it to judge a change to the bridge
# (bench/PROFILE.md, "perf-bridge").
#
# The server starts under valgrind (--threads 1 --quiet), a 3 s wrk run creates and
# launches its sessions, the counters are zeroed, then a SECONDS-long run is
# measured and dumped. Prints instructions per request: the whole process, the
# same without memset (libmicrohttpd zeroing its connection pool: valgrind counts
# `rep stosb` a byte at a time, which overstates it), accessHandler inclusive, the
# service's handler inside it, and requestCompleted. The dump stays in
# .build/bench/callgrind.measured for callgrind_annotate.
#
# usage: bench/callgrind-server.sh [SECONDS (default 8)] [BINARY (default .build/release/lifecycled)]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-8}; bin=${2:-}
for tool in valgrind callgrind_control callgrind_annotate wrk; do
  command -v "$tool" >/dev/null || { echo "callgrind-server: $tool is missing (apt-get install valgrind wrk)" >&2; exit 1; }
done
if [ -z "$bin" ]; then swift build -c release --product lifecycled >/dev/null; bin=.build/release/lifecycled; fi
mkdir -p .build/bench
work=$(mktemp -d); vpid=
cleanup() { [ -n "$vpid" ] && kill "$vpid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export BENCH_DIR=$PWD/bench

valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin" --port 0 --threads 1 --quiet \
  >"$work/out" 2>"$work/err" & vpid=$!
for _ in $(seq 300); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.2; done
url=$(grep -o 'http://[^ ]*' "$work/out" | head -1)
[ -n "$url" ] || { echo "callgrind-server: the server did not start" >&2; cat "$work/err" >&2; exit 1; }
SESSIONS=8 wrk -t1 -c1 -d3s -s bench/actions.lua "$url" >/dev/null
callgrind_control --zero "$vpid" >/dev/null 2>&1
SESSIONS=8 wrk -t1 -c1 -d"${secs}s" -s bench/actions.lua "$url" >"$work/wrk"
callgrind_control --dump=measured "$vpid" >/dev/null 2>&1
kill -INT "$vpid"; wait "$vpid" || true; vpid=
cp "$work/cg.1" .build/bench/callgrind.measured

n=$(awk '/^bench:/ { print $3 }' "$work/wrk")
callgrind_annotate --inclusive=yes --threshold=100 .build/bench/callgrind.measured 2>/dev/null \
  | swift demangle --simplified >"$work/incl"
ir() { grep -m1 -- "$1" "$work/incl" | awk '{ gsub(",", "", $1); print $1 + 0 }'; }
total=$(ir "PROGRAM TOTALS"); memset=$(ir "__memset_"); access=$(ir "@objc accessHandler")
handler=$(ir "Service.handle(_:)"); completed=$(ir "@objc requestCompleted")
awk -v n="$n" -v t="$total" -v m="${memset:-0}" -v a="$access" -v h="$handler" -v c="${completed:-0}" 'BEGIN {
  printf "%d requests measured; instructions a request:\n", n
  printf "  whole process %.0f (without memset %.0f; memset %.0f)\n", t / n, (t - m) / n, m / n
  printf "  accessHandler %.0f: Service.handle %.0f, the bridge %.0f; requestCompleted %.0f\n", a / n, h / n, (a - h) / n, c / n
}'
