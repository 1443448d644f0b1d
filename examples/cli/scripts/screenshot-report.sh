#!/usr/bin/env bash
# Builds the HTML report of the Hanoi sample month and photographs it in a headless Chromium, to
# check by eye how an official will see it. Not run by the build.
#
#   examples/cli/scripts/screenshot-report.sh [vi|en]
#
# Needs: the jar (mvn -B -pl examples/cli -am package), and Chromium (Debian: apt-get install -y chromium).
# Writes: examples/cli/target/report.html and examples/cli/docs/report.png (1280 × 5200 px: summary, rating charts, rankings and the first findings).
set -euo pipefail
cd "$(dirname "$0")/.."                       # examples/cli
lang="${1:-vi}"
jar=target/conduct.jar
[ -f "$jar" ] || { echo "missing $jar: run 'mvn -B -pl examples/cli -am package' at the root" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "no Chromium found: apt-get install -y chromium" >&2; exit 1; }

facts="$(mktemp --suffix=.yaml)"
trap 'rm -f "$facts"' EXIT
java -jar "$jar" demo --print-facts > "$facts"
java -jar "$jar" evaluate --facts "$facts" --format html --lang "$lang" -o target/report.html
mkdir -p docs
"$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --screenshot="$PWD/docs/report.png" \
  --window-size=1280,5200 "file://$PWD/target/report.html"
echo "wrote $PWD/target/report.html and $PWD/docs/report.png"
