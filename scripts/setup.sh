#!/usr/bin/env bash
# Installs what building and testing lifecycled needs, only where it is missing:
# libmicrohttpd-dev and pkg-config (apt-get), and the Python tools of `make test`
# (schemathesis, openapi-spec-validator, hadolint, pytest, prometheus-client) into .venv,
# nginx (the cluster test), jq (the README's console examples), valgrind (the reduced
# budget check), and
# openapi-python-client into .venv-gen. Safe to run again.
#   scripts/setup.sh          system packages + Python tools
#   scripts/setup.sh --run    system packages only (enough for `make run`)
#   scripts/setup.sh --bench    system packages + wrk, a C compiler and valgrind (`make bench`, `make budgets`)
#   scripts/setup.sh --profile  the same + perf (`make bench-profile`)
# --- macOS (issue #23): Homebrew on a Mac, apt-get on Debian; a plan without running it ---
# On macOS (uname Darwin) the system packages come from Homebrew (`brew install libmicrohttpd
# pkg-config`, Python when missing); nginx, Chromium, valgrind and perf are Linux-only and left out.
#   --dry-run          print the commands it would run (`+ …` lines), run nothing
#   --os macos|debian  plan for that system instead of this one's (uname)
#   --fresh            with --dry-run: as on a machine that has none of it yet
# --- end macOS ---
set -euo pipefail
cd "$(dirname "$0")/.."
mode=
dry_run=false
fresh=false
os=
while [ $# -gt 0 ]; do
  case $1 in
    --run | --bench | --profile) mode=$1 ;;
    --dry-run) dry_run=true ;;
    --fresh) fresh=true ;;
    --os) [ $# -ge 2 ] || { echo "setup: --os needs macos or debian" >&2; exit 2; }; os=$2; shift ;;
    --os=*) os=${1#--os=} ;;
    *) echo "setup: unknown argument $1 (see the top of scripts/setup.sh)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$os" ] || case $(uname -s) in Darwin) os=macos ;; *) os=debian ;; esac
case $os in macos | debian) ;; *) echo "setup: --os must be macos or debian, not \"$os\"" >&2; exit 2 ;; esac
if $fresh && ! $dry_run; then echo "setup: --fresh only plans (add --dry-run)" >&2; exit 2; fi
if [ "$os" = macos ] && [ -n "$mode" ] && [ "$mode" != --run ]; then
  echo "setup: $mode is Linux-only (valgrind, perf); on macOS use --run or no argument" >&2
  exit 1
fi
$dry_run && echo "setup: the plan for $os${mode:+ ($mode)}$($fresh && echo ', from nothing'); nothing is run"

# A command, or its `+ …` line in a dry run.
run() { if $dry_run; then echo "+ $*"; else "$@"; fi; }
# A check of what is there; with --fresh nothing is.
check() { ! $fresh && "$@"; }
have() { check command -v "$1" >/dev/null; }

as_root() { if $dry_run; then echo "+ (as root) $*"; elif [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi; }


missing=()
have pkg-config || missing+=(pkg-config)
check pkg-config --exists libmicrohttpd 2>/dev/null || missing+=(libmicrohttpd-dev)
bench=false; case "$mode" in --bench|--profile) bench=true ;; esac
if [ "$mode" != --run ] && ! $bench; then
  have python3 || missing+=(python3)
  check python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  # nginx for deploy/cluster.sh and e2e/cluster (run as a child process, never as the
  # system service).
  have nginx || check test -x /usr/sbin/nginx || missing+=(nginx)
fi
if $bench; then
  have wrk || missing+=(wrk)
  have cc || missing+=(gcc)
  # the cost budgets (bench/budgets.sh: callgrind and DHAT) and bench/callgrind-server.sh
  have valgrind || missing+=(valgrind)
  # Debian's perf is the package linux-perf; bench/perf_tree.py needs python3.
  [ "$mode" = --profile ] && { have perf || missing+=(linux-perf)
    have python3 || missing+=(python3); }
fi
# --- playground browser test (issue #14): Debian's chromium and its WebDriver ---
if [ -z "$mode" ]; then
  have chromium || missing+=(chromium)
  have chromedriver || missing+=(chromium-driver)
  have curl || missing+=(curl)  # the test runs the page's curl journal
fi
# --- end playground browser test ---
# --- README's console blocks (scripts/check-readme.py): their commands pipe through jq ---
if [ -z "$mode" ]; then
  have jq || missing+=(jq)
fi
# --- end README console blocks ---
# --- the reduced cost-budget check of `make test` (bench/budgets.sh --quick; Linux only) ---
if [ -z "$mode" ] && [ "$os" = debian ]; then
  have valgrind || missing+=(valgrind)
fi
# --- end budgets ---
# --- clients/js (issue #23 item 3): node for its tests, tsc to type-check its examples ---
if [ -z "$mode" ]; then
  have node || missing+=(nodejs)
  have tsc || missing+=(node-typescript)
fi
# --- end clients/js ---
# --- macOS (issue #23): the Debian package names above, as Homebrew formulae ---
# Python's venv comes with Homebrew's python; nginx, Chromium and its driver are left out
# (the cluster and browser checks are Linux-only); curl and cc come with macOS.
brew_formula() {
  case $1 in
    libmicrohttpd-dev) echo libmicrohttpd ;;
    python3) echo python ;;
    nodejs) echo node ;;
    node-typescript) echo typescript ;;
    python3-venv | nginx | chromium | chromium-driver | curl | gcc) ;;
    *) echo "$1" ;;
  esac
}
if [ "$os" = macos ] && [ ${#missing[@]} -gt 0 ]; then
  formulae=()
  for package in "${missing[@]}"; do
    formula=$(brew_formula "$package")
    [ -z "$formula" ] || [[ " ${formulae[*]} " == *" $formula "* ]] || formulae+=("$formula")
  done
  missing=()
  if [ ${#formulae[@]} -gt 0 ]; then
    if ! $dry_run && ! command -v brew >/dev/null; then
      echo "setup: needs Homebrew to install ${formulae[*]}: see https://brew.sh" >&2
      exit 1
    fi
    echo "setup: installing ${formulae[*]} (Homebrew)"
    run brew install "${formulae[@]}"
  fi
fi
# --- end macOS ---
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  if $dry_run; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

{ [ "$mode" = --run ] || $bench; } && exit 0
# Python tools in a project venv: Debian's system Python refuses pip installs (PEP 668).
venv_planned=false
if ! check .venv/bin/python -c 'import schemathesis, openapi_spec_validator, pytest, flit_core, prometheus_client' 2>/dev/null \
   || ! check test -x .venv/bin/hadolint; then
  echo "setup: installing Python tools into .venv"
  run python3 -m venv .venv
  run .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt
  venv_planned=true
fi
# The code generator of clients/generated-check, in a venv of its own (.venv-gen): the client
# it generates must run on what the generator alone brings (httpx, attrs, dateutil).
if ! check .venv-gen/bin/python -c 'import openapi_python_client' 2>/dev/null; then
  echo "setup: installing openapi-python-client into .venv-gen"
  run python3 -m venv .venv-gen
  run .venv-gen/bin/pip install -q --disable-pip-version-check -r clients/generated-check/requirements.txt
fi
# --- playground browser test (issue #14): selenium, for a .venv made before it was listed ---
if ! { $dry_run && $venv_planned; } && ! check .venv/bin/python -c 'import selenium' 2>/dev/null; then
  echo "setup: installing selenium into .venv"
  run .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements.txt
fi
# --- end playground browser test ---
