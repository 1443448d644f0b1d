#!/usr/bin/env bash
# Cold-start figures of the conduct jar (issue 11): RUNS (default 5) interleaved cold runs each of
# `--version`, `packs` and `demo`, then the median wall time, CPU time and peak resident memory of each
# and its ratio to `--version` measured in the same run. With CDS=1 it also builds a static class-data
# sharing archive from the demo's class list (lambda proxies left out: dumping them crashes OpenJDK
# 17.0.15, as -XX:ArchiveClassesAtExit does) and measures `packs` and `demo` with it.
# Not run by the build. Usage, at the repository root, after
# 'mvn -B -pl examples/cli -am package -DskipTests':
#
#   examples/cli/src/test/scripts/cold-start.sh            # RUNS=5 CDS=0 JAR=examples/cli/target/conduct.jar
set -euo pipefail

RUNS=${RUNS:-5}
JAR=${JAR:-examples/cli/target/conduct.jar}
CDS=${CDS:-0}
WORK=${WORK:-$(mktemp -d -t conduct-cold-XXXXXX)}
[ -f "$JAR" ] || { echo "cold-start: no $JAR [Hint: mvn -B -pl examples/cli -am package -DskipTests]" >&2; exit 2; }

variants=("version|java -jar $JAR --version" "packs|java -jar $JAR packs" "demo|java -jar $JAR demo")
if [ "$CDS" = 1 ]; then
  java -XX:DumpLoadedClassList="$WORK/classes.lst" -jar "$JAR" demo > /dev/null
  grep -v '@lambda' "$WORK/classes.lst" > "$WORK/classes-no-lambda.lst"
  java -Xshare:dump -XX:SharedClassListFile="$WORK/classes-no-lambda.lst" -XX:SharedArchiveFile="$WORK/conduct.jsa" \
      -cp "$JAR" > "$WORK/dump.log" 2>&1
  variants+=("packs+cds|java -XX:SharedArchiveFile=$WORK/conduct.jsa -jar $JAR packs"
      "demo+cds|java -XX:SharedArchiveFile=$WORK/conduct.jsa -jar $JAR demo")
fi

: > "$WORK/times.tsv"
for run in $(seq 1 "$RUNS"); do
  for variant in "${variants[@]}"; do
    name=${variant%%|*}
    command=${variant#*|}
    /usr/bin/time -f "$name\t%e\t%U\t%S\t%M" -a -o "$WORK/times.tsv" $command > /dev/null 2> "$WORK/err.txt"
  done
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/times.tsv" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, wall, user, system, rss = line.rstrip('\n').split('\t')
    rows[name].append((float(wall), float(user) + float(system), int(rss) / 1024))
base = statistics.median(w for w, _, _ in rows['version'])
print(f"{'command':<11} {'runs':>4} {'wall s (median)':>16} {'cpu s':>7} {'rss MB':>7} {'x --version':>12}")
for name, values in rows.items():
    wall = statistics.median(v[0] for v in values)
    cpu = statistics.median(v[1] for v in values)
    rss = statistics.median(v[2] for v in values)
    print(f"{name:<11} {len(values):>4} {wall:>16.2f} {cpu:>7.2f} {rss:>7.0f} {wall / base:>12.1f}")
PY
echo "raw figures: $WORK/times.tsv"
