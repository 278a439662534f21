# lifecycled: the two commands of the README are `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh).
ARGS ?=
BIN = .build/debug/lifecycled

.PHONY: run test build release bench lint docs clean setup fuzz soak

run:           ## build and start the server (flags: make run ARGS="--port 9000")
	@scripts/setup.sh --run
	swift build --product lifecycled
	$(BIN) $(ARGS)

test:          ## every check: swift tests, spec, schemathesis, hadolint
	@scripts/test.sh

build:
	@scripts/setup.sh --run
	swift build

release:
	@scripts/setup.sh --run
	swift build -c release --product lifecycled

bench: release ## throughput against the bare C libmicrohttpd baseline
	@scripts/setup.sh --bench
	@scripts/bench.sh .build/release/lifecycled

fuzz:          ## libFuzzer on the JSON parser, decoders and router (FUZZ_SECONDS, default 240)
	@scripts/setup.sh --run
	scripts/fuzz.sh

soak: release  ## mixed load on every endpoint (SOAK_SECONDS, default 600): errors, RSS, p99
	@scripts/setup.sh --run
	.venv/bin/python scripts/soak.py --binary .build/release/lifecycled --seconds $${SOAK_SECONDS:-600}

docs:          ## regenerate docs/model.md from the model
	@scripts/setup.sh --run
	UPDATE_MODEL_REFERENCE=1 swift test --filter ModelReferenceTests

lint:          ## the spec and the Dockerfile only
	@scripts/setup.sh
	.venv/bin/python -m openapi_spec_validator openapi.yaml
	.venv/bin/hadolint Dockerfile

setup:
	@scripts/setup.sh

clean:
	rm -rf .build .venv
