#!/usr/bin/env bash
# bench/cpu-split.sh: user and system CPU time a request of each server under the
# action load of bench/profile.sh (bench/actions.lua, 32 connections), read from
# /proc/PID/stat. The user part is what the Swift layers and libmicrohttpd cost; it
# moves far less with the machine's load than task-clock, whose kernel part (loopback
# TCP, wake-ups) does.
#
# usage: bench/cpu-split.sh [SECONDS (default 5)] [ROUNDS (default 3)] [BINARY...]
# (default binaries: .build/release/lifecycled and the C baseline, alternating)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}; rounds=${2:-3}; shift 2 || shift $#
for tool in wrk cc pkg-config; do
  command -v "$tool" >/dev/null || { echo "cpu-split: $tool is missing: run scripts/setup.sh --bench" >&2; exit 1; }
done
tag=cpu-split; source bench/lib.sh
if [ $# -eq 0 ]; then
  build_servers
  set -- .build/release/lifecycled .build/bench/baseline
fi
tick=$(getconf CLK_TCK); run=0
for _ in $(seq "$rounds"); do
  for bin in "$@"; do
    run=$((run + 1))  # a name per run: start must not read an earlier run's output
    if [[ $bin == *baseline ]]; then start "server$run" "$bin" 0 "$(nproc)"; else start "server$run" "$bin" --port 0 --quiet; fi
    SESSIONS=${BENCH_SESSIONS:-8} wrk -t32 -c32 -d"$((secs + 2))s" -s bench/actions.lua "$url" >"$work/wrk" 2>&1 &
    wrk_pid=$!; pids+=("$wrk_pid")
    sleep 1  # past the sessions' creation
    read -r u0 s0 < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
    sleep "$secs"
    read -r u1 s1 < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
    wait "$wrk_pid"; kill "$pid"; wait "$pid" 2>/dev/null || true
    awk -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v t="$tick" -v b="$(basename "$bin")" -v secs="$secs" '
      /^bench:/ { n = ($3 - $5) * secs / ($15 / 1e6)
        printf "%s: %.0f req/s, user %.2f us, system %.2f us a request\n", b, n / secs, u / t * 1e6 / n, s / t * 1e6 / n }' "$work/wrk"
  done
done
