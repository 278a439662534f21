#!/usr/bin/env bash
# Generator check: generates a Python client from openapi.yaml with openapi-python-client
# (in its own clean venv, .venv-gen), fails on any schema the generator cannot turn into
# a type, then drives a live lifecycled through the generated code (drive.py).
#
#   clients/generated-check/check.sh [BINARY]     default BINARY: .build/debug/lifecycled
#
# Environment: GEN_VENV (default .venv-gen), KEEP_GENERATED=DIR to keep the client there.
set -euo pipefail
binary=${1:-}
if [ -n "$binary" ] && [ "${binary#/}" = "$binary" ]; then binary="$PWD/$binary"; fi
cd "$(dirname "$0")/../.."
binary=${binary:-$PWD/.build/debug/lifecycled}
here=clients/generated-check
venv=${GEN_VENV:-.venv-gen}
[ -x "$binary" ] || { echo "generated-check: no executable at $binary" >&2; exit 1; }

if ! "$venv/bin/python" -c 'import openapi_python_client' 2>/dev/null; then
  echo "generated-check: installing openapi-python-client into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Generate. The generator exits 0 even when it drops a schema it cannot handle (it
# prints "Unable to process schema ..."), so its output is checked as well.
out=$work/client
"$venv/bin/openapi-python-client" generate --path openapi.yaml --config "$here/generator-config.yaml" \
  --meta none --output-path "$out/lifecycled_api" >"$work/generate.log" 2>&1 || {
  cat "$work/generate.log"; echo "generated-check: the generator failed"; exit 1; }
if grep -qiE 'unable to|failure to|warning|error' "$work/generate.log"; then
  cat "$work/generate.log"; echo "generated-check: the generator could not type every schema"; exit 1
fi
echo "generated-check: generated $(find "$out" -name '*.py' | wc -l) modules ($("$venv/bin/openapi-python-client" --version))"
[ -n "${KEEP_GENERATED:-}" ] && { rm -rf "$KEEP_GENERATED"; cp -r "$out" "$KEEP_GENERATED"; }

# A server on a free port; it prints "listening on http://HOST:PORT" when ready.
"$binary" --port 0 --quiet >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
url=
for _ in $(seq 1 200); do
  url=$(sed -n 's/^listening on \(http:\/\/[^ ]*\)$/\1/p' "$work/stdout" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/stderr" >&2; echo "generated-check: the server exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "generated-check: no listening line within 20 s" >&2; exit 1; }

PYTHONPATH="$out" "$venv/bin/python" "$here/drive.py" "$url"
