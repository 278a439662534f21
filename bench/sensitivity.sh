#!/usr/bin/env bash
# bench/sensitivity.sh: how many instructions a request a throughput ratio allows on
# this machine. Runs the action load of bench/run.sh (bench/actions.lua, 32
# connections) on the C baseline as is and on copies of it that run a busy loop of N
# iterations before each answer (baseline.c's BUSY, about 6 instructions an iteration),
# and on the service, in turn within each round; prints each one's req/s per round and
# its median ratio to the plain baseline. Compare the ratios with the instructions a
# request of each (bench/callgrind-server.sh for the service; the baseline's 10,500
# plus 6 an iteration): the busy baseline that matches the service's instructions lands
# near the service's ratio when instructions are what separates them
# (bench/PROFILE.md, "The bridge's request headers, and what the 0.88 target needs").
#
# usage: bench/sensitivity.sh [ROUNDS (default 6)] [ITERATIONS... (default 1450 2175 2900)]
# Needs an idle machine: each run is 5 s of wrk, and a round's runs are a few seconds apart.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-6}; shift || true
[ $# -gt 0 ] || set -- 1450 2175 2900
for tool in wrk cc pkg-config; do
  command -v "$tool" >/dev/null || { echo "sensitivity: $tool is missing: run scripts/setup.sh --bench" >&2; exit 1; }
done
tag=sensitivity; source bench/lib.sh
build_servers
cores=$(nproc)
names=(baseline); for n in "$@"; do names+=("busy$n"); done; names+=(service)
declare -A rates
run=0
for r in $(seq "$rounds"); do
  line="round $r:"
  for name in "${names[@]}"; do
    run=$((run + 1))
    case $name in
      baseline) start "s$run" .build/bench/baseline 0 "$cores" ;;
      busy*) start "s$run" .build/bench/baseline 0 "$cores" "${name#busy}" ;;
      service) start "s$run" .build/release/lifecycled --port 0 --quiet ;;
    esac
    SESSIONS=8 wrk -t32 -c32 -d5s -s bench/actions.lua "$url" >"$work/wrk" 2>&1
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rps=$(awk '/^bench:/ { printf "%.0f", ($3 - $5) / ($15 / 1e6) }' "$work/wrk")
    rates[$name]="${rates[$name]:-} $rps"
    line="$line $name $rps"
  done
  echo "$line req/s"
done
read -r -a base <<<"${rates[baseline]}"
for name in "${names[@]:1}"; do
  read -r -a mine <<<"${rates[$name]}"
  ratios=()
  for i in "${!mine[@]}"; do ratios+=("$(awk -v s="${mine[$i]}" -v b="${base[$i]}" 'BEGIN { printf "%.2f", s / b }')"); done
  echo "$name: ratio to the baseline per round ${ratios[*]}; median $(median "${ratios[@]}")"
done
