#!/usr/bin/env bash
# The figures of issue 11 in one run, into one folder: cold start (`cold-start.sh`, 5 cold runs each of
# `--version`, `packs`, `demo`, with and without a static CDS archive), the Hanoi-size evaluation alone
# (`HanoiScale`, 3 runs with -Xmx1g over `hanoi-scale.sh`'s files), and the JMH scaling grid
# (`scaling.sh`: engine, hand-written loops, Easy Rules). The national-size streamed run takes 10-15
# minutes more and is asked for with NATIONAL=1. Not run by the build. At the repository root:
#
#   mvn -B -pl examples/cli,examples/benchmarks -am package -DskipTests
#   examples/benchmarks/scripts/issue11-run.sh [out-dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=${1:-$root/examples/benchmarks/results-issue11-$(date +%F)}
mkdir -p "$out"
cd "$root"
{
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "started: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

echo "=== cold start"
RUNS=5 CDS=1 examples/cli/src/test/scripts/cold-start.sh | tee "$out/cold-start.txt"

echo "=== Hanoi size, evaluation alone"
hanoi=${HANOI:-/tmp/hanoi-100k}
[ -f "$hanoi/subjects.csv" ] || WORK=$hanoi GENERATE_ONLY=1 examples/cli/src/test/scripts/hanoi-scale.sh
java -Xmx1g -cp examples/benchmarks/target/classes:examples/cli/target/conduct.jar \
  vn.conduct.benchmarks.HanoiScale "$hanoi" --runs 3 2>&1 | grep -v '^\[' | tee "$out/hanoi-scale.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/hanoi-scale.txt"

echo "=== Hanoi size through the CLI, --stream"
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak RSS" -o "$out/hanoi-cli-time.txt" \
  java -Xmx1g -jar examples/cli/target/conduct.jar evaluate --pack hanoi-522 --pack hanoi-3814 --pack hanoi-yearly \
  --subjects "$hanoi/subjects.csv" --events "$hanoi/events.csv" --observations "$hanoi/observations.csv" \
  --as-of 2026-12-31 --format csv -o "${TMPDIR:-/tmp}/hanoi-report.csv" --stream 2> "$out/hanoi-cli.err" || true
cat "$out/hanoi-cli-time.txt"

if [ "${NATIONAL:-0}" = 1 ]; then
  echo "=== national size through the CLI, --stream, -Xmx1g"
  national=${NATIONAL_DIR:-/tmp/hanoi-national}
  [ -f "$national/subjects.csv" ] || WORK=$national GENERATE_ONLY=1 examples/cli/src/test/scripts/hanoi-scale.sh 2500000 50000 7500000
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak RSS" -o "$out/national-time.txt" \
    java -Xmx1g -jar examples/cli/target/conduct.jar evaluate --pack hanoi-522 --pack hanoi-3814 --pack hanoi-yearly \
    --subjects "$national/subjects.csv" --events "$national/events.csv" --observations "$national/observations.csv" \
    --as-of 2026-12-31 --format csv -o /tmp/national-report.csv --stream 2> "$out/national.err" || true
  cat "$out/national-time.txt"
fi

echo "=== JMH scaling grid"
examples/benchmarks/scripts/scaling.sh "$out/jmh"
echo "finished: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
