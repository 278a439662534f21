#!/usr/bin/env bash
# Throughput of the action endpoint. With ../shared/bench/compare.sh (the project's
# shared benchmark) it prints the ratio to a bare C libmicrohttpd server; without it,
# a plain wrk run against background/launch actions on one session.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: bench.sh RELEASE_BINARY}
if [ -x ../shared/bench/compare.sh ] || [ -f ../shared/bench/compare.sh ]; then
  exec bash ../shared/bench/compare.sh "$bin" "${BENCH_SECONDS:-5}" "${BENCH_ROUNDS:-3}"
fi
out=$(mktemp); "$bin" --port 0 --quiet >"$out" & pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out" "$out.lua"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$out")
id=$(curl -s -d '{"lifecycle":"app","iosVersion":"11.0"}' "$url/v1/sessions" | sed 's/.*"id":"\([^"]*\)".*/\1/')
curl -s -o /dev/null -d '{"type":"launch"}' "$url/v1/sessions/$id/actions"
# One connection, alternating background and launch, so every request is allowed.
cat >"$out.lua" <<'LUA'
wrk.method = "POST"
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, (n % 2 == 1) and '{"type":"background"}' or '{"type":"launch"}')
end
LUA
wrk -t1 -c1 -d"${BENCH_SECONDS:-5}"s -s "$out.lua" "$url/v1/sessions/$id/actions"
