# lifecycled: the two commands of the README are `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh).
ARGS ?=
BIN = .build/debug/lifecycled
# Debug builds without debug information: half the compile time of `make test` and CI
# (for lldb's line tables, build with plain `swift build`). scripts/test.sh uses the same
# flags, so `make run` after `make test` reuses its build.
export LIFECYCLED_BUILD_FLAGS = -Xswiftc -gnone

.PHONY: run test test-long contract build release bench budgets bench-profile load lint format docs clean setup tsan fuzz soak

run:           ## build and start the server (flags: make run ARGS="--port 9000")
	@scripts/setup.sh --run
	swift build $(LIFECYCLED_BUILD_FLAGS) --product lifecycled
	$(BIN) $(ARGS)

test:          ## every check: swift tests, spec, schemathesis, generated client, clients/python, hadolint
	@scripts/test.sh

contract:      ## schemathesis against the debug server with 200 examples an operation (make test runs 50)
	@scripts/setup.sh
	swift build $(LIFECYCLED_BUILD_FLAGS)
	scripts/contract-test.sh .build/debug/lifecycled

test-long:     ## the Swift tests with every random seed of the property tests (make test runs a quarter)
	@scripts/setup.sh --run
	swift build $(LIFECYCLED_BUILD_FLAGS)
	LIFECYCLED_PROPERTY_RUNS=full LIFECYCLED_BIN="$(CURDIR)/.build/debug/lifecycled" swift test $(LIFECYCLED_BUILD_FLAGS)

build:
	@scripts/setup.sh --run
	swift build $(LIFECYCLED_BUILD_FLAGS)

release:
	@scripts/setup.sh --run
	swift build -c release --product lifecycled

bench:         ## the cost budgets (fails on a regression), then the service against a bare C libmicrohttpd server, memory, scale, the model alone (bench/)
	@scripts/setup.sh --bench
	@bench/budgets.sh
	@bench/run.sh

budgets:       ## instructions and allocations per request of each bench/budgets.tsv scenario (action, scene, simulate, observers, explain; about six minutes)
	@scripts/setup.sh --bench
	@bench/budgets.sh

load: release  ## load check: 64 clients loop explain, 16 coverage; /readyz and action probes keep p99 <= 20 ms (LOAD_SECONDS, default 30)
	.venv/bin/python scripts/loadcheck.py --binary .build/release/lifecycled --seconds $${LOAD_SECONDS:-30}

bench-profile: ## perf profile of the service under the action load (bench/profile.sh)
	@scripts/setup.sh --bench
	@bench/profile.sh

TSAN_TESTS = StoreTests|LiveConcurrencyTests|BridgeTests|BridgeConnectionTests|BridgeFramingTests
# -DTSAN_VISIBLE_LOCKS: the session store's locks become pthread mutexes, which TSan
# sees (LifecycleService/Store/StoreLock.swift).
tsan:          ## the concurrency tests under the thread sanitizer; any report fails
	@scripts/setup.sh --run
	TSAN_OPTIONS="suppressions=$(CURDIR)/scripts/tsan.supp halt_on_error=1" \
	  swift test --sanitize=thread -Xswiftc -DTSAN_VISIBLE_LOCKS --scratch-path .build/tsan --filter '$(TSAN_TESTS)'

fuzz:          ## libFuzzer on the JSON parser, decoders and router (FUZZ_SECONDS, default 240)
	@scripts/setup.sh --run
	scripts/fuzz.sh

soak: release  ## mixed load on every endpoint (SOAK_SECONDS, default 600): errors, RSS, p99
	@scripts/setup.sh --run
	.venv/bin/python scripts/soak.py --binary .build/release/lifecycled --seconds $${SOAK_SECONDS:-600}

docs:          ## regenerate docs/model.md from the model
	@scripts/setup.sh --run
	UPDATE_MODEL_REFERENCE=1 swift test $(LIFECYCLED_BUILD_FLAGS) --filter ModelReferenceTests

lint:          ## swift format (.swift-format), the spec and the Dockerfile
	@scripts/setup.sh
	scripts/format.sh --lint
	.venv/bin/python -m openapi_spec_validator openapi.yaml
	.venv/bin/hadolint Dockerfile

format:        ## rewrite the Swift sources with swift format (.swift-format)
	scripts/format.sh

setup:
	@scripts/setup.sh

clean:
	rm -rf .build .venv .venv-gen
