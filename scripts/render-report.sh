#!/usr/bin/env bash
# Renders a pipeline's report.html to a PNG with headless Chromium, to look at the report
# without a browser (e.g. on a server, or to review a change to the report's layout).
#
# Usage: scripts/render-report.sh OUTPUT_DIR [WIDTH [HEIGHT]]
#   OUTPUT_DIR  a pipeline's results folder holding report.html (e.g. Output/demo), or
#               the report file itself
#   WIDTH       window width in pixels (default 1200)
#   HEIGHT      window height in pixels (default: the page's full height, measured with
#               the same browser, at most 16000 — larger screenshots fail in Chromium)
# Writes report.png next to report.html and prints its path.
#
# Installs the Debian package `chromium` with apt-get when no Chromium is found (needs
# root or sudo). The report is self-contained (inline SVG and CSS), so rendering needs
# no network.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

target=$1
width=${2:-1200}
height=${3:-}
if [[ -d "$target" ]]; then
  report="$target/report.html"
else
  report="$target"
fi
if [[ ! -f "$report" ]]; then
  echo "render-report: no report at $report; run the pipeline first (regpipe run PIPELINE)" >&2
  exit 1
fi
report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
png="${report%.html}.png"

find_chromium() {
  local name
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if ! browser=$(find_chromium); then
  echo "render-report: Chromium not found; installing the Debian package 'chromium'" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "render-report: need root (or sudo) to install chromium; install it and rerun" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
  browser=$(find_chromium) || { echo "render-report: chromium still not found after install" >&2; exit 1; }
fi

# A throw-away profile, so a running browser or a locked profile cannot interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$png"
if [[ -z "$height" ]]; then
  # Measure the page: a copy of the report writes its height into the title.
  sed 's#</body>#<script>document.title="HEIGHT="+document.documentElement.scrollHeight</script></body>#' \
    "$report" >"$profile/measure.html"
  height=$("$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
    --window-size="$width,800" --dump-dom "file://$profile/measure.html" 2>/dev/null \
    | grep -o 'HEIGHT=[0-9]*' | head -1 | cut -d= -f2 || true)
  if [[ -z "$height" ]]; then
    height=4000
  elif ((height > 16000)); then
    echo "render-report: the page is ${height} px high; the screenshot shows its first 16000 px" >&2
    height=16000
  fi
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$profile" --window-size="$width,$height" \
  --screenshot="$png" "file://$report" >/dev/null 2>"$profile/chromium.log" || true
if [[ ! -s "$png" ]]; then
  echo "render-report: chromium wrote no screenshot; its messages:" >&2
  cat "$profile/chromium.log" >&2
  exit 1
fi
echo "$png"
