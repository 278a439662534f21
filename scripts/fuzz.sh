#!/usr/bin/env bash
# make fuzz: libFuzzer on the JSON parser, the action and config decoders and the
# path router (Sources/lifecycled-fuzz). FUZZ_SECONDS (default 240) is split evenly
# over FUZZ_TARGETS (default: json action config route). Fails on any crash, leak,
# assertion, or input taking more than FUZZ_SLOW_MS (default 100) ms of CPU; the
# input is then in .build/fuzz-artifacts/. Seeds: fuzz/corpus/<target> (committed);
# the grown corpus: .build/fuzz-corpus/<target> (kept between runs, not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-240}
targets=(${FUZZ_TARGETS:-json action config route})
export FUZZ_SLOW_MS=${FUZZ_SLOW_MS:-100}
# libFuzzer and ASan report crashes; Swift's own backtracer would linger after them.
export SWIFT_BACKTRACE=enable=no

swift build -c debug --build-path .build/fuzz --product lifecycled-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
binary=.build/fuzz/debug/lifecycled-fuzz
each=$(( seconds / ${#targets[@]} )); (( each > 0 )) || each=1
mkdir -p .build/fuzz-artifacts
status=0
for target in "${targets[@]}"; do
    corpus=.build/fuzz-corpus/$target
    mkdir -p "$corpus"
    echo "== fuzz $target for ${each}s (corpus $corpus, seeds fuzz/corpus/$target)"
    # -timeout: whole seconds only, a backstop for hangs; the 100 ms rule is FUZZ_SLOW_MS.
    if ! FUZZ_TARGET=$target "$binary" "$corpus" "fuzz/corpus/$target" \
            -max_total_time="$each" -timeout=2 -rss_limit_mb=4096 -max_len=8192 \
            -artifact_prefix=".build/fuzz-artifacts/$target-" -print_final_stats=1 2>.build/fuzz-$target.log; then
        echo "FAIL: $target (see .build/fuzz-$target.log and .build/fuzz-artifacts/)"
        grep -E "ERROR|SUMMARY|slow input|Fatal error|==[0-9]+==" .build/fuzz-$target.log | head -20 || true
        status=1
        continue
    fi
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done" .build/fuzz-$target.log || true
    echo "   corpus: $(find "$corpus" -type f | wc -l) inputs"
done
[[ $status == 0 ]] && echo "fuzz: no crash, no slow input" || echo "fuzz: FAILED"
exit $status
