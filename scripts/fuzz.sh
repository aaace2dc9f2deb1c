#!/usr/bin/env bash
# Longer fuzzing than the test suite's bounded runs: the same seeded fuzz tests (gzip
# reader, delimited reader against its reference model, date parsers, pipeline files),
# each kept going for its share of SECONDS with a fresh seed.
#
#   scripts/fuzz.sh 600            # ten minutes, seed from the clock
#   SEED=42 scripts/fuzz.sh 120    # a chosen seed (a failure names seed and case)
#
# Failing inputs are saved under $REGPIPE_FUZZ_FAILURES (default /tmp/regpipe-fuzz-failures/
# <target>/). To keep one as a regression, copy it into Fixtures/broken/regressions/<target>/
# (gzip, delimited, dates, pipeline-yaml): the *Regressions tests replay that folder.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-300}"
seed="${SEED:-$(date +%s)}"
targets=(
  "FuzzGzipTests/testMutatedGzipEitherReadsCorrectlyOrNamesTheFile"
  "FuzzDelimitedReaderTests/testRandomTextReadsAsTheModelSays"
  "FuzzDateTests/testRandomDatesParseOnlyToRealDatesThatRoundTrip"
  "ReliabilityConfigFuzzTests/testMutatedPipelineFilesParseOrNameTheFile"
)
share=$(( seconds / ${#targets[@]} ))
(( share >= 1 )) || share=1
export REGPIPE_FUZZ_FAILURES="${REGPIPE_FUZZ_FAILURES:-/tmp/regpipe-fuzz-failures}"

echo "fuzz: ${seconds} s (${share} s per target), seed ${seed}; failures go to ${REGPIPE_FUZZ_FAILURES}"
swift build --build-tests 2>&1 | grep -E 'error' && exit 2
status=0
log=$(mktemp)
for target in "${targets[@]}"; do
  REGPIPE_FUZZ_SEED="$seed" REGPIPE_FUZZ_SECONDS="$share" \
    swift test --skip-build --filter "$target" >"$log" 2>&1 || status=1
  grep -aE '^fuzz |error:' "$log" || true
done
rm -f "$log"
if (( status )); then
  echo "fuzz: failures found (seed ${seed}); inputs saved as listed above"
else
  echo "fuzz: no failures"
fi
exit $status
