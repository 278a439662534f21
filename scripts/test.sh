#!/usr/bin/env bash
# Everything `make test` checks, in order, ending with one summary line:
# Swift tests (model, service, live server), the OpenAPI spec, schemathesis against
# the running server, hadolint on the Dockerfile, and the playground in headless Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
log=$(mktemp); trap 'rm -f "$log"' EXIT
failed=0; passed=0
step() { # name, command...
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "== $name FAILED"; failed=$((failed + 1)); fi
}

swift build || exit 1
echo "== swift test"
swift test 2>&1 | tee "$log"; swift_status=${PIPESTATUS[0]}
# Swift Testing's closing line: "✔ Test run with N tests in M suites passed …".
swift_tests=$(grep -oE 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
if [ "$swift_status" = 0 ] && [ "${swift_tests:-0}" -gt 0 ]; then passed=$((passed + swift_tests)); else
  echo "== swift test FAILED"; failed=$((failed + ${swift_tests:-1})); fi

step "openapi.yaml is valid OpenAPI" .venv/bin/python -m openapi_spec_validator openapi.yaml
step "schemathesis against the live server" scripts/contract-test.sh .build/debug/lifecycled
step "hadolint Dockerfile" .venv/bin/hadolint Dockerfile
# --- playground browser test (issue #14): headless Chromium, at most 180 s ---
step "playground in headless Chromium" timeout 200 .venv/bin/python tests/browser/playground.py .build/debug/lifecycled
# --- end playground browser test ---

echo
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
