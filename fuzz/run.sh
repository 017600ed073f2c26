#!/usr/bin/env bash
# Fuzz the file loaders: fuzz/run.sh [SECONDS] [TARGET...]
#
# Runs each target (default: load_validate, load_catalog and import_xlsx) for SECONDS
# (default 60) with libFuzzer through cargo-fuzz, on the stable toolchain
# (RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's -Z flags). Each run starts from
# the committed seeds (fuzz/seeds/<target>) plus whatever earlier runs left in
# the scratch corpus (fuzz/corpus/<target>, git-ignored). Prints libFuzzer's
# final stats line per target; exits 1 if any target found a crash, leaving the
# input in fuzz/artifacts/<target>/. Minimise it with
# `RUSTC_BOOTSTRAP=1 cargo fuzz tmin -a -s none <target> <file>` and keep the
# result under tests/fixtures/fuzz/, which core/tests/core/robust.rs replays.
#
# Environment: FUZZ_SANITIZER=none|address (default none: fundplan and the
# parser are safe Rust, what we hunt is panics and failed assertions, and
# AddressSanitizer costs 2.7x the executions), FUZZ_ARGS="extra libFuzzer flags".
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_validate load_catalog import_xlsx)
sanitizer=${FUZZ_SANITIZER:-none}
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# Build every target first, so that the time given is fuzzing time; debug
# assertions on, so integer overflow panics as it does in `cargo test`.
for t in "${targets[@]}"; do
    cargo fuzz build --debug-assertions --sanitizer "$sanitizer" "$t"
done

failed=()
for t in "${targets[@]}"; do
    corpus=fuzz/corpus/$t
    mkdir -p "$corpus" "fuzz/artifacts/$t"
    cp fuzz/seeds/"$t"/* "$corpus"/
    log=$(mktemp)
    echo "== $t: ${seconds}s" >&2
    status=0
    # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
    cargo fuzz run --debug-assertions --sanitizer "$sanitizer" "$t" "$corpus" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -dict="fuzz/$t.dict" ${FUZZ_ARGS:-} >"$log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true
    grep -E '^stat::number_of_executed_units' "$log" || true
    if [ "$status" -ne 0 ]; then
        failed+=("$t")
        echo "!! $t failed (exit $status); last lines of its log:" >&2
        tail -40 "$log" >&2
    fi
    rm -f "$log"
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
