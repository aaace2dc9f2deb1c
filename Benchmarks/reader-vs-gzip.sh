#!/usr/bin/env bash
# Times reading + parsing + validating a gzip CSV of shelter stays (split fields, parse
# the id to Int64 and both SAS dates) against `gzip -dc FILE > /dev/null`, on one core
# each, and prints the medians and their ratio (target: <= 1.5).
#
# usage: Benchmarks/reader-vs-gzip.sh [SIZE_MB (uncompressed, default 1000)] [REPETITIONS (default 5)]
# env:   BENCH_DIR (default /tmp/regpipe-bench) holds the generated file between runs.
set -euo pipefail

size_mb=${1:-1000}
repetitions=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-/tmp/regpipe-bench}
file="$dir/stays-${size_mb}MB.csv.gz"
mkdir -p "$dir"

(cd "$here" && swift build -c release 2>&1 | tail -1)
bench="$here/.build/release/reader-bench"

# Pin to one core when possible, so neither side gains from a second one.
pin=()
if command -v taskset > /dev/null; then pin=(taskset -c 0); fi

if [[ ! -s "$file" ]]; then
  # A generated row is 39.5 bytes on average.
  rows=$((size_mb * 1000000 * 2 / 79))
  echo "generating $rows rows into $file"
  "$bench" generate "$rows" | gzip -6 > "$file.tmp"
  mv "$file.tmp" "$file"
fi
uncompressed=$(gzip -dc "$file" | wc -c)
echo "file: $file, $(stat -c %s "$file") bytes gzip, $uncompressed bytes uncompressed"
cat "$file" > /dev/null  # warm the page cache

seconds() { date +%s.%N; }
gzip_times=()
parse_times=()
for ((i = 1; i <= repetitions; i++)); do
  start=$(seconds)
  "${pin[@]}" gzip -dc "$file" > /dev/null
  gzip_times+=("$(echo "$(seconds) - $start" | bc)")
  start=$(seconds)
  "${pin[@]}" "$bench" parse "$file" > "$dir/parse.out"
  parse_times+=("$(echo "$(seconds) - $start" | bc)")
  echo "run $i: gzip -dc ${gzip_times[-1]} s, reader-bench ${parse_times[-1]} s ($(cat "$dir/parse.out"))"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
gzip_median=$(median "${gzip_times[@]}")
parse_median=$(median "${parse_times[@]}")
echo "median gzip -dc: $gzip_median s"
echo "median read+parse+validate: $parse_median s"
echo "ratio: $(echo "scale=3; $parse_median / $gzip_median" | bc)"
