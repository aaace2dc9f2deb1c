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

# Wall-clock and CPU (user + system) seconds of one command, as "wall cpu".
measure() {
  /usr/bin/time -f '%e %U %S' -o "$dir/time.out" "${pin[@]}" "$@"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$dir/time.out"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

gzip_wall=() gzip_cpu=() parse_wall=() parse_cpu=()
for ((i = 1; i <= repetitions; i++)); do
  read -r wall cpu < <(measure sh -c "gzip -dc '$file' > /dev/null")
  gzip_wall+=("$wall") gzip_cpu+=("$cpu")
  read -r wall cpu < <(measure sh -c "'$bench' parse '$file' > '$dir/parse.out'")
  parse_wall+=("$wall") parse_cpu+=("$cpu")
  echo "run $i: gzip -dc ${gzip_wall[-1]} s (cpu ${gzip_cpu[-1]}), reader-bench ${parse_wall[-1]} s (cpu ${parse_cpu[-1]}): $(cat "$dir/parse.out")"
done

gw=$(median "${gzip_wall[@]}") gc=$(median "${gzip_cpu[@]}")
pw=$(median "${parse_wall[@]}") pc=$(median "${parse_cpu[@]}")
echo "median gzip -dc:                 wall $gw s, cpu $gc s"
echo "median read+parse+validate:      wall $pw s, cpu $pc s"
echo "ratio (wall): $(echo "scale=3; $pw / $gw" | bc)"
echo "ratio (cpu):  $(echo "scale=3; $pc / $gc" | bc)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
