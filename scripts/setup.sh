#!/usr/bin/env bash
# Installs what building and testing lifecycled needs, only where it is missing:
# libmicrohttpd-dev and pkg-config (apt-get), and the Python tools of `make test`
# (schemathesis, openapi-spec-validator, hadolint, pytest, prometheus-client) into .venv,
# nginx (the cluster test), and
# openapi-python-client into .venv-gen. Safe to run again.
#   scripts/setup.sh          system packages + Python tools
#   scripts/setup.sh --run    system packages only (enough for `make run`)
#   scripts/setup.sh --bench    system packages + wrk, a C compiler and valgrind (`make bench`, `make budgets`)
#   scripts/setup.sh --profile  the same + perf (`make bench-profile`)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi; }

missing=()
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists libmicrohttpd 2>/dev/null || missing+=(libmicrohttpd-dev)
bench=false; case "$mode" in --bench|--profile) bench=true ;; esac
if [ "$mode" != --run ] && ! $bench; then
  command -v python3 >/dev/null || missing+=(python3)
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  # nginx for deploy/cluster.sh and e2e/cluster (run as a child process, never as the
  # system service).
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
fi
if $bench; then
  command -v wrk >/dev/null || missing+=(wrk)
  command -v cc >/dev/null || missing+=(gcc)
  # the cost budgets (bench/budgets.sh: callgrind and DHAT) and bench/callgrind-server.sh
  command -v valgrind >/dev/null || missing+=(valgrind)
  # Debian's perf is the package linux-perf; bench/perf_tree.py needs python3.
  [ "$mode" = --profile ] && { command -v perf >/dev/null || missing+=(linux-perf)
    command -v python3 >/dev/null || missing+=(python3); }
fi
# --- playground browser test (issue #14): Debian's chromium and its WebDriver ---
if [ -z "$mode" ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v curl >/dev/null || missing+=(curl)  # the test runs the page's curl journal
fi
# --- end playground browser test ---
# --- clients/js (issue #23 item 3): node for its tests, tsc to type-check its examples ---
if [ -z "$mode" ]; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v tsc >/dev/null || missing+=(node-typescript)
fi
# --- end clients/js ---
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

{ [ "$mode" = --run ] || $bench; } && exit 0
# Python tools in a project venv: Debian's system Python refuses pip installs (PEP 668).
if ! .venv/bin/python -c 'import schemathesis, openapi_spec_validator, pytest, setuptools, wheel, prometheus_client' 2>/dev/null \
   || [ ! -x .venv/bin/hadolint ]; then
  echo "setup: installing Python tools into .venv"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt
fi
# The code generator of clients/generated-check, in a venv of its own (.venv-gen): the client
# it generates must run on what the generator alone brings (httpx, attrs, dateutil).
if ! .venv-gen/bin/python -c 'import openapi_python_client' 2>/dev/null; then
  echo "setup: installing openapi-python-client into .venv-gen"
  python3 -m venv .venv-gen
  .venv-gen/bin/pip install -q --disable-pip-version-check -r clients/generated-check/requirements.txt
fi
# --- playground browser test (issue #14): selenium, for a .venv made before it was listed ---
if ! .venv/bin/python -c 'import selenium' 2>/dev/null; then
  echo "setup: installing selenium into .venv"
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt
fi
# --- end playground browser test ---
