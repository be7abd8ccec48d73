#!/usr/bin/env bash
# Long property-test runs for the brief parser and the query front end (issue: nothing lost
# under bad input). Each target runs in rounds of FUZZ_CASES random cases until SECONDS_PER
# target have passed; any failure stops with proptest's minimal failing input, which then
# becomes a regression test. Not run in CI (CI runs the same properties with fewer cases).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER=${SECONDS_PER:-600}
CASES=${FUZZ_CASES:-20000}
cargo test --release --no-run -q --test parse_props --test queries
for target in parse_props queries; do
  start=$(date +%s); rounds=0
  while (( $(date +%s) - start < SECONDS_PER )); do
    FUZZ_CASES=$CASES cargo test --release -q --test "$target" >/tmp/fuzz-$target.log 2>&1 || {
      echo "$target: FAILED after $rounds rounds; see /tmp/fuzz-$target.log"; exit 1; }
    rounds=$((rounds + 1))
  done
  echo "$target: $rounds rounds x $CASES cases per property in $(( $(date +%s) - start )) s, no failure"
done
