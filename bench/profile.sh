#!/usr/bin/env bash
# bench/profile.sh: where the service's time goes under the action load of
# bench/run.sh (bench/actions.lua), against the C baseline. `make bench-profile`.
# Needs perf (scripts/setup.sh --profile installs it) and the right to use it
# (root, or kernel.perf_event_paranoid <= 1).
#
# 1. `perf stat -e task-clock` of each server while wrk drives it: CPU time per
#    request, service and baseline.
# 2. `perf record -g` of the service under the same load, then the time per shared
#    object, the flat profile (self time per symbol) and the request handler's call
#    tree (bench/perf_tree.py, needs python3). The raw data stays in .build/bench/perf.data for
#    `perf report -i .build/bench/perf.data`.
#
# usage: bench/profile.sh [SECONDS (default 10)]; BENCH_CONNECTIONS (32), BENCH_SESSIONS (8)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}; conns=${BENCH_CONNECTIONS:-32}; per_conn=${BENCH_SESSIONS:-8}
for tool in perf wrk cc pkg-config python3; do
  command -v "$tool" >/dev/null || { echo "profile: $tool is missing: run scripts/setup.sh --profile" >&2; exit 1; }
done
tag=profile; source bench/lib.sh
build_servers
# under URL COMMAND...: runs COMMAND while wrk loads URL for $secs seconds; sets $requests.
under() {
  local target=$1; shift
  SESSIONS=$per_conn wrk -t"$conns" -c"$conns" -d"$((secs + 2))s" -s bench/actions.lua "$target" >"$work/wrk.out" 2>&1 &
  local wrk_pid=$!; pids+=("$wrk_pid")
  sleep 1  # past the sessions' creation
  "$@"
  wait "$wrk_pid"
  requests=$(awk '/^bench:/ { printf "%.0f", ($3 - $5) * '"$secs"' / ($15 / 1e6) }' "$work/wrk.out")
}

start service .build/release/lifecycled --port 0 --quiet; spid=$pid; surl=$url
start baseline .build/bench/baseline 0 "$(nproc)"; bpid=$pid; burl=$url
for side in service baseline; do
  if [ $side = service ]; then p=$spid u=$surl; else p=$bpid u=$burl; fi
  under "$u" perf stat -e task-clock -x, -o "$work/stat.$side" -p "$p" -- sleep "$secs"
  ms=$(awk -F, '/task-clock/ { print $1 }' "$work/stat.$side")
  awk -v ms="$ms" -v n="$requests" -v s="$side" -v t="$secs" \
    'BEGIN { printf "%s: %.0f req/s, task-clock %.0f ms in %ds = %.1f CPUs, %.1f us a request\n", s, n / t, ms, t, ms / t / 1000, ms * 1000 / n }'
done

set +o pipefail  # head closes the pipes below early
under "$surl" perf record -F 1999 -g -o .build/bench/perf.data -p "$spid" -- sleep "$secs" 2>/dev/null
echo; echo "== self time per shared object"
perf report -i .build/bench/perf.data --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -12
echo; echo "== self time per symbol (top 45)"
perf report -i .build/bench/perf.data --no-children --sort dso,symbol --stdio -g none --percent-limit 0.4 2>/dev/null \
  | grep -v '^#' | grep -v '^$' | head -45 | swift demangle --simplified
echo; echo "== the request handler, inclusive time of its callees (% of all samples)"
perf script -i .build/bench/perf.data -F comm,tid,period,ip,sym 2>/dev/null | swift demangle --simplified >"$work/stacks.txt"
python3 bench/perf_tree.py 'accessHandler(cls' 7 0.3 <"$work/stacks.txt"
