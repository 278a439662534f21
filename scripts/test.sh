#!/usr/bin/env bash
# Everything `make test` checks, in order, ending with one summary line:
# Swift tests (model, service, live server), the OpenAPI spec, schemathesis against
# the running server, a client generated from the spec driving the server, the Python
# package (clients/python) and its tests against the server, and hadolint on the Dockerfile.
set -uo pipefail
cd "$(dirname "$0")/.."
begin=$SECONDS
scripts/setup.sh || exit 1
echo "== setup: $((SECONDS - begin)) s"
log=$(mktemp); trap 'rm -f "$log"' EXIT
failed=0; passed=0
step() { # name, command...
  local name=$1 start=$SECONDS; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "== $name FAILED"; failed=$((failed + 1)); fi
  echo "== $name: $((SECONDS - start)) s"  # where CI's 12 minutes go
}

# The Makefile's debug flags (no debug information: half the compile time), also when
# this script runs on its own.
read -ra debug_flags <<<"${LIFECYCLED_BUILD_FLAGS--Xswiftc -gnone}"
start=$SECONDS; swift build "${debug_flags[@]}" || exit 1
echo "== swift build: $((SECONDS - start)) s"
echo "== swift test"; start=$SECONDS
# The binary just built, whatever a release build or PATH holds (the clients' lookup order).
LIFECYCLED_BIN="$PWD/.build/debug/lifecycled" swift test "${debug_flags[@]}" 2>&1 | tee "$log"; swift_status=${PIPESTATUS[0]}
# Swift Testing's closing line: "✔ Test run with N tests in M suites passed …".
swift_tests=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
# A run that stopped before that line (a crash) has no count: it is one failure, not none.
if [ "$swift_status" = 0 ] && [ "${swift_tests:-0}" -gt 0 ]; then passed=$((passed + swift_tests)); else
  echo "== swift test FAILED"; failed=$((failed + (${swift_tests:-0} > 0 ? swift_tests : 1))); fi
echo "== swift test: $((SECONDS - start)) s"

# The cost budgets of the action path (issue #36): instructions and allocations a request
# on the debug build just made, under valgrind (about a minute; `make budgets` checks the
# release build's every row). Linux only: valgrind.
if [ "$(uname)" = Linux ]; then
  step "cost budgets, reduced (bench/budgets.sh --quick)" bench/budgets.sh --quick
fi
step "swift format lint (.swift-format)" scripts/format.sh --lint
step "openapi.yaml is valid OpenAPI" .venv/bin/python -m openapi_spec_validator openapi.yaml
# 50 examples an operation and phase keep CI within its 12 minutes; `make contract` runs 200.
step "schemathesis against the live server" env CONTRACT_MAX_EXAMPLES=50 scripts/contract-test.sh .build/debug/lifecycled
step "generated client (openapi-python-client) against the live server" \
  clients/generated-check/check.sh .build/debug/lifecycled
# clients/python installed as a user would (pip install, not from the tree), its tests run by
# pytest through its own plugin, which starts .build/debug/lifecycled on port 0. Only the
# plugins they need are loaded (the other tools in .venv bring slow ones); one test runs
# pytest as a user would, loading the plugin through its pytest11 entry point.
python_client() {
  .venv/bin/pip install -q --disable-pip-version-check --no-build-isolation ./clients/python || return 1
  # The install writes nothing into the checkout (no build/, no egg-info).
  local left; left=$(git status --porcelain --ignored=matching clients/python | grep -E '^(\?\?|!!)' | grep -vE '__pycache__|\.pyc$' || true)
  [ -z "$left" ] || { echo "pip install left files in clients/python:"; echo "$left"; return 1; }
  local status=0
  (cd clients/python && env -u LIFECYCLED_URL LIFECYCLED_BIN="$PWD/../../.build/debug/lifecycled" \
    PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ../../.venv/bin/python -m pytest -q -p no:cacheprovider \
    -p lifecycled.pytest_plugin -p pytester tests) || status=$?
  [ "$status" = 5 ] && echo "pytest collected no tests (exit status 5)"
  [ "$status" = 0 ]
}
step "clients/python: pip install, pytest against the live server" python_client
step "hadolint Dockerfile" .venv/bin/hadolint Dockerfile
# --- clients/js (issue #23 item 3, issue #37): node --test against the live server; the
# examples and docs/guide snippets compiled by tsc and run, and a wrong expectation failing ---
js_client() {
  command -v node >/dev/null || { echo "node is missing (scripts/setup.sh installs nodejs)"; return 1; }
  (cd clients/js && LIFECYCLED_BIN="$PWD/../../.build/debug/lifecycled" node --test test/*.test.js)
}
step "clients/js: node --test against the live server" js_client
step "clients/js/examples and docs/guide: run under node --test; a wrong expectation fails" \
  env LIFECYCLED_BIN="$PWD/.build/debug/lifecycled" node clients/js/examples/run.mjs
# --- end clients/js ---
# --- examples that cannot drift (issue #23 item 5): every openapi.yaml example against the
# live server (scripts/check-examples.py --update rewrites stale ones), and proof that a drifted
# example fails the check ---
step "openapi.yaml examples match the live server" .venv/bin/python scripts/check-examples.py --binary .build/debug/lifecycled
step "openapi.yaml examples: a drifted one fails, --update repairs it" .venv/bin/python e2e/examples/test_drift.py .build/debug/lifecycled
# --- end examples ---
# --- the console blocks of README.md and docs/guide/ against the live server (scripts/check-readme.py --update
# rewrites stale outputs), and proof that a drifted output fails ---
step "README and docs/guide console examples match the live server" .venv/bin/python scripts/check-readme.py --binary .build/debug/lifecycled
step "README console examples: a drifted one fails, --update repairs it" \
  env LIFECYCLED_BIN=.build/debug/lifecycled PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 \
  .venv/bin/python -m pytest -q -p no:cacheprovider e2e/readme
# --- end README examples ---
# --- swift client (issues #23, #37): a package outside the repository, in a folder of another
# name, depends on the checkout as the README shows, builds without libmicrohttpd and passes
# the README's test (its own tests are Swift tests) ---
step "swift client: a package elsewhere depends on the checkout as the README shows" \
  scripts/check-swift-dependency.sh .build/debug/lifecycled
# --- end swift client ---
# Operations (issue #15): metrics, request ids, CORS and draining over HTTP; three
# instances behind nginx (exit 77 = nginx missing: reported, not counted).
step "operations over HTTP (metrics, X-Request-Id, CORS, readyz drain)" .venv/bin/python e2e/ops/test_live_ops.py .build/debug/lifecycled
# Heavy requests (issue #35): searches fill the search threads while probes run; no probe
# dropped or slower than a generous bound, no heavy answer but 200 or 503 with Retry-After.
step "load check, short (scripts/loadcheck.py --short; make load runs the full one)" \
  .venv/bin/python scripts/loadcheck.py --binary .build/debug/lifecycled --short
echo "== cluster: 3 instances behind nginx"
.venv/bin/python e2e/cluster/test_cluster.py .build/debug/lifecycled; cluster_status=$?
if [ "$cluster_status" = 0 ]; then passed=$((passed + 1)); elif [ "$cluster_status" = 77 ]; then
  echo "== cluster SKIPPED (nginx could not be installed)"; else echo "== cluster FAILED"; failed=$((failed + 1)); fi
step "deploy/compose.yaml is valid" .venv/bin/python e2e/ops/check_compose.py deploy/compose.yaml
# --- playground browser test (issue #14): headless Chromium, at most 180 s ---
step "playground in headless Chromium" timeout 200 .venv/bin/python e2e/browser/playground.py .build/debug/lifecycled
# --- end playground browser test ---

echo
echo "time: $((SECONDS - begin)) s"
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
