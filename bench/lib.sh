# shellcheck shell=bash
# bench/lib.sh: what the scripts of bench/ share; sourced, not run. The sourcing
# script sets `tag` (its name, for messages) first and runs from the repository root.
#
#   build_servers        the release service and the C baseline (.build/bench/baseline)
#   start NAME CMD...    runs a server that prints "listening on http://…"; sets $url
#                        and $pid; every server started is stopped when the script exits
#   $work                a scratch directory, removed on exit
#   median VALUE...      the median (the upper one of an even count)

build_servers() {
  swift build -c release --product lifecycled >/dev/null
  mkdir -p .build/bench
  # shellcheck disable=SC2046 # pkg-config's output is several flags, split on purpose
  cc -O2 -Wall -o .build/bench/baseline bench/baseline.c $(pkg-config --cflags --libs libmicrohttpd)
}

: "${tag:?set tag before sourcing bench/lib.sh}"
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export BENCH_DIR=$PWD/bench

start() {
  local name=$1; shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" & pid=$!; pids+=("$pid")
  for _ in $(seq 100); do grep -q "listening on" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://[^ ]*' "$work/$name.out" | head -1)
  [ -n "$url" ] || { echo "$tag: $name did not start" >&2; cat "$work/$name.err" >&2; exit 1; }
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
