#!/usr/bin/env bash
# Installs what building and testing lifecycled needs, only where it is missing:
# libmicrohttpd-dev and pkg-config (apt-get), and the Python tools of `make test`
# (schemathesis, openapi-spec-validator, hadolint) into .venv. Safe to run again.
#   scripts/setup.sh          system packages + Python tools (+ chromium, chromium-driver
#                             and selenium for the playground's browser test)
#   scripts/setup.sh --run    system packages only (enough for `make run`)
#   scripts/setup.sh --bench  also wrk, for `make bench`
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi; }

missing=()
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists libmicrohttpd 2>/dev/null || missing+=(libmicrohttpd-dev)
if [ "$mode" != --run ]; then
  command -v python3 >/dev/null || missing+=(python3)
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
fi
# --- playground browser test (issue #14): Debian's chromium and its WebDriver ---
if [ -z "$mode" ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v curl >/dev/null || missing+=(curl)  # the test runs the page's curl journal
fi
# --- end playground browser test ---
[ "$mode" = --bench ] && { command -v wrk >/dev/null || missing+=(wrk); command -v cc >/dev/null || missing+=(gcc); }
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$mode" = --run ] && exit 0
# Python tools in a project venv: Debian's system Python refuses pip installs (PEP 668).
if ! .venv/bin/python -c 'import schemathesis, openapi_spec_validator' 2>/dev/null || [ ! -x .venv/bin/hadolint ]; then
  echo "setup: installing Python tools into .venv"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt
fi
# --- playground browser test (issue #14): selenium, for a .venv made before it was listed ---
if ! .venv/bin/python -c 'import selenium' 2>/dev/null; then
  echo "setup: installing selenium into .venv"
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt
fi
# --- end playground browser test ---
